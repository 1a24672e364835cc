"""Scenes: named set-ups for a lecture, as small JSON files, checked strictly before anything is used.

A scene holds every training setting the window shows, the compared batch
sizes when it is a comparison, and how it is presented: its pace (``speed``),
whether it starts playing on arrival (``autoplay``), the moment it pauses by
itself to make its point (``pause_at``: ``"epoch_end"`` or an iteration), the
part of the window it is about (``emphasis``) and a caption for the class. The
built-in tour lives in ``epochviz/resources/scenes`` (``01-....json`` onwards,
in order). Loading a file refuses, in one line that names the problem: a file
that is not JSON, too large or not a regular file, too deeply nested, unknown
keys, wrong types, out-of-range numbers, drop-last with a batch larger than the
dataset, a pause after the run's last iteration, and a pause or a learning-rate
rule where they mean nothing. Nothing in a scene is executed or used as a path.
Saving checks the same way, so what Save writes, Open takes.
"""

from __future__ import annotations

import json
import math
import os
import stat
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from epochviz.core.compare import (
    DEFAULT_LR_RULE,
    FULL,
    LR_RULES,
    MAX_RUNS,
    MIN_RUNS,
    BatchChoice,
    check_batch_choices,
    compare_configs,
)
from epochviz.core.run_config import RunConfig
from epochviz.core.settings import SETTINGS, SPEED, Setting, SettingError, check_together, shown
from epochviz.core.words import QT_TRANSLATE_NOOP, worded

MAX_FILE_BYTES = 64 * 1024
MAX_DEPTH = 4
MAX_TEXT = 400
EPOCH_END = "epoch_end"  # pause_at: the end of the first epoch, wherever that falls
# What a scene can be about: the window gives that part the room (``Tour.emphasis_requested``),
# and only a scene about memory (or one that names no part) shows the memory meter's alarm.
EMPHASES = ("arithmetic", "progress", "data", "network", "chart", "memory", "compare")
PRESENTATION = ("speed", "autoplay", "pause_at", "emphasis")  # how a scene is shown, not a setting of the run
COMPARISON = ("compare", "lr_rule")  # the compared batch sizes and how each run's learning rate follows
KEYS = ("name", "caption", *SETTINGS, *PRESENTATION, *COMPARISON)  # every setting of the table, and the rest
REQUIRED = ("name", "dataset", "samples", "batch_size")
AUTOPLAY = Setting("autoplay", "bool", True, label="", help="")
EMPHASIS = Setting("emphasis", "choice", None, label="", help="", choices=EMPHASES)
LR_RULE = Setting("lr_rule", "choice", DEFAULT_LR_RULE, label="", help="", choices=LR_RULES)


class SceneError(ValueError):
    """A scene that cannot be used; the message names the problem in one line."""


@dataclass(frozen=True)
class Scene:
    """A set-up for the class: the run's settings, the speed (None = as fast as possible) and a caption.

    ``autoplay``: it starts playing on arrival; ``pause_at``: it pauses by itself after
    that global iteration (``EPOCH_END``: the first epoch's last), None: it plays on;
    ``emphasis``: the part of the window it is about (``EMPHASES``), None: no part;
    ``compare``: the batch sizes it compares side by side (None: one run), each run's
    learning rate following ``lr_rule`` (None when it does not compare).
    """

    name: str
    config: RunConfig
    speed: float | None = 100.0
    caption: str = ""
    source: str = field(default="", compare=False)  # where it was read from, for messages
    autoplay: bool = True
    pause_at: int | str | None = None
    emphasis: str | None = None
    compare: tuple[BatchChoice, ...] | None = None
    lr_rule: str | None = None

    def to_json(self) -> str:
        data: dict[str, object] = {"name": self.name, "caption": self.caption}
        for name in SETTINGS:
            value = getattr(self.config, name)
            data[name] = list(value) if isinstance(value, tuple) else value
        data["speed"] = "max" if self.speed is None else self.speed
        data["autoplay"] = self.autoplay
        optional = {"pause_at": self.pause_at, "emphasis": self.emphasis,
                    "compare": None if self.compare is None else list(self.compare), "lr_rule": self.lr_rule}
        data.update((key, value) for key, value in optional.items() if value is not None)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def seconds_to_point(self) -> float | None:
        """How long the scene plays at its pace before it has made its point: to its pause, else to its end
        (a comparison: its longest run, every run taking ``speed`` updates a second); None at full speed."""
        if self.speed is None:
            return None
        if self.compare is not None:
            runs = compare_configs(self.config, self.compare, lr_rule=self.lr_rule)
            return max(run.schedule().facts().total_iterations for run in runs) / self.speed
        return (self.pause_iteration() or self.config.schedule().facts().total_iterations) / self.speed

    def pause_iteration(self) -> int | None:
        """The global iteration after which the scene pauses by itself, or None."""
        if self.pause_at == EPOCH_END:
            return self.config.schedule().iterations_per_epoch
        return self.pause_at


def scene_file_text(scene: Scene) -> str:
    """The JSON text Save writes for ``scene``, checked as Open checks a file: what Save writes, Open takes.

    ``SceneError`` (one line) when Open would refuse it: a name or caption over
    the length limit, or a character that cannot be written.
    """
    text = scene.to_json()
    scene_from_data(json.loads(text))  # each field named (a huge name is "name ...", not "the file is too large")
    scene_from_text(text)
    return text


def _depth(value: object, level: int = 0) -> int:
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def _text(data: dict, key: str, default: str = "") -> str:
    value = data.get(key, default)
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "{key} must be a text of at most {n} characters"),
            key=key, n=MAX_TEXT)
    try:  # JSON's "\ud800" reads as a lone surrogate, which no file can hold: Save could not write it back
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "{key} has a character that cannot be written to a file (a "
                                                    "lone surrogate)"),
            key=key) from None
    return value


def scene_from_data(data: object, source: str = "") -> Scene:
    """A ``Scene`` from parsed JSON, checked key by key."""
    if not isinstance(data, dict):
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "a scene must be a JSON object ({braces})"),
            braces="{...}")
    if _depth(data) > MAX_DEPTH:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "the scene is nested too deeply"))
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "unknown key {key} (a scene has: {keys})"),
            key=repr(unknown[0][:40]), keys=", ".join(KEYS))
    missing = [k for k in REQUIRED if k not in data]
    if missing:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "missing key {key}"),
            key=repr(missing[0]))
    name, caption = _text(data, "name"), _text(data, "caption")
    try:
        settings = {key: SETTINGS[key].check(value) for key, value in data.items() if key in SETTINGS}
        check_together(settings)
        speed = SPEED.check(data.get("speed", SPEED.default))
        autoplay = AUTOPLAY.check(data.get("autoplay", AUTOPLAY.default))
        emphasis = EMPHASIS.check(data["emphasis"]) if "emphasis" in data else None
    except SettingError as exc:
        raise _as_scene_error(exc) from None
    config = RunConfig(**settings)
    config = config.with_changes(batch_size=min(config.batch_size, config.samples))  # the slider ends at N
    compare, lr_rule = _comparison(data)
    pause_at = _pause_at(data, config, compare)
    return Scene(name, config, None if math.isinf(speed) else speed, caption, source, autoplay=autoplay,
                 pause_at=pause_at, emphasis=emphasis, compare=compare, lr_rule=lr_rule)


def _comparison(data: dict) -> tuple[tuple[BatchChoice, ...] | None, str | None]:
    """The scene's compared batch sizes and learning-rate rule (the default rule when it compares)."""
    if "compare" not in data:
        if "lr_rule" in data:
            raise worded(SceneError, QT_TRANSLATE_NOOP("errors", "lr_rule is for a comparison: give compare too"))
        return None, None
    value = data["compare"]
    try:
        if not isinstance(value, list):
            raise ValueError(value)
        choices = tuple(check_batch_choices(value))
    except ValueError:
        raise worded(SceneError, QT_TRANSLATE_NOOP(
            "errors", '{key} must be a list of {low} to {high} batch sizes (whole numbers from 1, or "{full}"), '
                      'got {value}'),
            key="compare", low=MIN_RUNS, high=MAX_RUNS, full=FULL, value=shown(value)) from None
    try:
        rule = LR_RULE.check(data.get("lr_rule", LR_RULE.default))
    except SettingError as exc:
        raise _as_scene_error(exc) from None
    return choices, rule


def _pause_at(data: dict, config: RunConfig, compare: tuple | None) -> int | str | None:
    """``"epoch_end"`` or a global iteration within the run; a comparison plays to its end."""
    if "pause_at" not in data:
        return None
    value = data["pause_at"]
    if compare is not None:
        raise worded(SceneError, QT_TRANSLATE_NOOP(
            "errors", "pause_at is for one run: a comparison plays to its end (leave out pause_at or compare)"))
    if value == EPOCH_END:
        return EPOCH_END
    total = config.schedule().facts().total_iterations
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= total:
        raise worded(SceneError, QT_TRANSLATE_NOOP(
            "errors", '{key} must be "{epoch_end}" or an iteration from 1 to {total} (the last of the run), '
                      'got {value}'),
            key="pause_at", epoch_end=EPOCH_END, total=f"{total:,}", value=shown(value))
    return value


def _as_scene_error(exc: SettingError) -> SceneError:
    """The settings table's one-line refusal, as a scene's (the same words, in any language)."""
    refused = SceneError(str(exc))
    refused.phrase = getattr(exc, "phrase", None)
    return refused


def scene_from_text(text: str | bytes, source: str = "") -> Scene:
    """A ``Scene`` from JSON text."""
    if len(text) > MAX_FILE_BYTES:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "a scene file is at most {kb} kB; this one is {size} bytes"),
            kb=MAX_FILE_BYTES // 1024, size=f"{len(text):,}")
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "not a JSON scene: {problem}"),
            problem=str(exc)[:80]) from None
    return scene_from_data(data, source)


def _read_scene_bytes(path: Path) -> bytes:
    """The bytes of the regular file ``path`` (up to one more than a scene may have).

    Opened without blocking and checked on the open file: a FIFO or a device
    (``/dev/zero``) given as a scene would wait or read for ever, and a check
    of the name before opening it could be outwitted by swapping the file.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as f:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise worded(
                SceneError, QT_TRANSLATE_NOOP("errors", "cannot read {path}: {reason}"),
                path=path, reason=QT_TRANSLATE_NOOP("errors", "not a regular file"))
        if info.st_size > MAX_FILE_BYTES:
            raise worded(
                SceneError, QT_TRANSLATE_NOOP("errors", "a scene file is at most {kb} kB"),
                kb=MAX_FILE_BYTES // 1024)
        return f.read(MAX_FILE_BYTES + 1)


def load_scene(path: str | Path) -> Scene:
    """Read and check a scene file (``SceneError`` with one line, naming the file, otherwise)."""
    path = Path(path)
    try:
        text = _read_scene_bytes(path)
    except OSError as exc:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "cannot read {path}: {reason}"),
            path=path, reason=exc.strerror or exc) from None
    try:
        return scene_from_text(text, str(path))
    except SceneError as exc:
        raise worded(
            SceneError, QT_TRANSLATE_NOOP("errors", "{file}: {problem}"),
            file=path.name, problem=exc) from None


def builtin_scenes() -> list[Scene]:
    """The built-in tour, in order (the files ``NN-*.json`` shipped in the package)."""
    folder = resources.files("epochviz") / "resources" / "scenes"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    return [scene_from_text(f.read_bytes(), f.name) for f in files]


def find_scene(name_or_path: str) -> Scene:
    """A built-in scene by name (or its 1-based number), or a scene file by path."""
    scenes = builtin_scenes()
    for number, scene in enumerate(scenes, start=1):
        if name_or_path in (scene.name, str(number)):
            return scene
    if name_or_path.lower().endswith(".json"):
        return load_scene(name_or_path)
    raise worded(
        SceneError, QT_TRANSLATE_NOOP("errors", "no built-in scene called {name}, and not a .json file"),
        name=repr(name_or_path[:60]))


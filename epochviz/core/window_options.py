"""The window's own options (scale, theme) and its names for the settings table's ranges (no Qt needed)."""

from collections.abc import Iterable
from dataclasses import dataclass

from epochviz.core.settings import SETTINGS, SPEED, check_together

WINDOW_MIN_SAMPLES = int(SETTINGS["samples"].low)
WINDOW_MAX_SAMPLES = int(SETTINGS["samples"].high)
WINDOW_MAX_EPOCHS = int(SETTINGS["epochs"].high)
WINDOW_MAX_HIDDEN_LAYERS = SETTINGS["hidden"].count
WINDOW_MAX_HIDDEN_WIDTH = int(SETTINGS["hidden"].high)
WINDOW_MAX_ACCUMULATE = int(SETTINGS["accumulate"].high)  # micro-batches per weight update
WINDOW_MAX_SPEED = int(SPEED.high)  # iterations a second, below "max"
WINDOW_MIN_SCALE = 0.75  # the projector scale (View > Larger / Smaller, --scale)
WINDOW_MAX_SCALE = 2.5
THEME_NAMES = ("light", "dark", "high-contrast")
WINDOW_MIN_LR = SETTINGS["lr"].low  # the learning-rate box shows 4 decimals
WINDOW_MAX_LR = SETTINGS["lr"].high


def check_window_presets(samples: int | None = None, epochs: int | None = None, lr: float | None = None) -> None:
    """``ValueError`` naming the setting when a preset lies outside what the window shows."""
    if samples is not None and not WINDOW_MIN_SAMPLES <= samples <= WINDOW_MAX_SAMPLES:
        raise ValueError(
            f"the window takes {WINDOW_MIN_SAMPLES:,} to {WINDOW_MAX_SAMPLES:,} samples, got {samples}"
        )
    if epochs is not None and not 1 <= epochs <= WINDOW_MAX_EPOCHS:
        raise ValueError(f"the window shows 1 to {WINDOW_MAX_EPOCHS} epochs, got {epochs}")
    if lr is not None and not WINDOW_MIN_LR <= lr <= WINDOW_MAX_LR:
        raise ValueError(f"the window takes a learning rate from {WINDOW_MIN_LR:g} to {WINDOW_MAX_LR:g}, got {lr!r}")


def checked_window_presets(**presets: object) -> dict:
    """The window's keyword presets, each checked by type and range (``None`` means not given).

    ``TypeError`` or ``ValueError`` names the keyword, so ``MainWindow(samples="100")``
    fails at once with a reason instead of later inside the worker.
    """
    from epochviz.core.checks import check_positive_int, check_real
    from epochviz.core.datasets import DATASETS

    out: dict = {}
    for name, value in presets.items():
        if value is None:
            continue
        if name == "dataset":
            if not isinstance(value, str) or value not in DATASETS:
                raise ValueError(f"dataset must be one of {', '.join(DATASETS)}, got {value!r}")
        elif name in ("samples", "batch_size", "epochs", "accumulate"):
            if isinstance(value, str):
                raise TypeError(f"{name} must be an integer, got {value!r}")
            value = check_positive_int(name, value)
        elif name == "lr":
            value = check_real("lr", value, low=WINDOW_MIN_LR, high=WINDOW_MAX_LR)
        elif name == "validation_split":  # a row of the settings table, checked by it
            value = SETTINGS[name].check(value)
        else:
            raise TypeError(f"unknown preset {name!r}")
        out[name] = value
    check_window_presets(out.get("samples"), out.get("epochs"), out.get("lr"))
    check_together({**out, "drop_last": False})
    if out.get("accumulate", 1) > WINDOW_MAX_ACCUMULATE:
        raise ValueError(f"accumulate must be from 1 to {WINDOW_MAX_ACCUMULATE:,}, got {out['accumulate']}")
    return out


def check_window_options(play: object, scale: object, theme: object) -> None:
    """``TypeError``/``ValueError`` naming ``play``, ``scale`` or ``theme`` when the window cannot take it."""
    import numbers

    import numpy as np

    if not isinstance(play, (bool, np.bool_)):
        raise TypeError(f"play must be True or False, got {play!r}")
    if isinstance(scale, bool) or not isinstance(scale, numbers.Real) or not WINDOW_MIN_SCALE <= scale <= WINDOW_MAX_SCALE:
        raise ValueError(f"scale must be a number from {WINDOW_MIN_SCALE:g} to {WINDOW_MAX_SCALE:g}, got {scale!r}")
    if theme is not None and theme not in THEME_NAMES:
        raise ValueError(f"theme must be one of {', '.join(THEME_NAMES)}, got {theme!r}")


def checked_window_config(config: object) -> object:
    """``config`` (a ``RunConfig``) if the window's controls can show it and it can run, validated.

    ``TypeError``/``ValueError`` names the field, at once: a bad config used to reach
    the training process and come back as a raw "ValueError: ..." in the window.
    """
    from epochviz.core.checks import check_bool, check_real, check_seed
    from epochviz.core.mlp import ACTIVATIONS
    from epochviz.core.engine.session import RunConfig

    if not isinstance(config, RunConfig):
        raise TypeError(f"config must be a RunConfig, got {type(config).__name__}")
    checked_window_presets(dataset=config.dataset, samples=config.samples, batch_size=config.batch_size,
                           epochs=config.epochs, lr=config.lr, accumulate=config.accumulate,
                           validation_split=config.validation_split)
    hidden = config.hidden
    if (not isinstance(hidden, tuple) or len(hidden) > WINDOW_MAX_HIDDEN_LAYERS or len(set(hidden)) > 1
            or any(isinstance(w, bool) or not isinstance(w, int) or not 1 <= w <= WINDOW_MAX_HIDDEN_WIDTH
                   for w in hidden)):
        raise ValueError(f"hidden must be a tuple of up to {WINDOW_MAX_HIDDEN_LAYERS} equal widths from 1 to "
                         f"{WINDOW_MAX_HIDDEN_WIDTH}, got {hidden!r}")
    if config.activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(ACTIVATIONS)}, got {config.activation!r}")
    check_bool("shuffle", config.shuffle)
    check_bool("drop_last", config.drop_last)
    check_seed(config.seed)
    check_real("noise", config.noise, low=0.0)
    return config.validated()


@dataclass(frozen=True)
class WindowStart:
    """What a window starts from once its keywords are checked: the run, a scene, the compared batch sizes."""

    config: object  # core.session.RunConfig
    scene: object | None  # core.scenes.Scene
    compare: list


def checked_window_start(presets: dict, *, play: object, scale: object, theme: object, backend: object,
                         backends: Iterable[str], scene: object, compare: object) -> WindowStart:
    """Check every keyword of ``MainWindow`` at the door; ``ValueError``/``TypeError`` names the one at fault."""
    from epochviz.core.compare import DEFAULT_BATCH_SIZES, check_batch_choices
    from epochviz.core.scenes import Scene, SceneError, find_scene
    from epochviz.core.engine.session import RunConfig

    checked = checked_window_presets(**presets)
    choices = check_batch_choices(compare) if compare is not None else list(DEFAULT_BATCH_SIZES)
    check_window_options(play, scale, theme)
    if backend not in backends:
        raise ValueError(f"backend must be one of {', '.join(backends)}, got {backend!r}")
    if scene is not None and not isinstance(scene, (str, Scene)):
        raise TypeError(f"scene must be a built-in scene's name or number, a .json path or a Scene, got {scene!r}")
    try:
        first_scene = find_scene(scene) if isinstance(scene, str) else scene
    except SceneError as exc:
        raise ValueError(f"scene: {exc}") from None
    config = RunConfig().with_changes(**checked)
    # The batch-size slider ends at N: a larger preset means the same full batch.
    config = config.with_changes(batch_size=min(config.batch_size, config.samples))
    return WindowStart(config.validated(), first_scene, choices)

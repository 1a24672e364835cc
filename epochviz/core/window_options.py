"""The window's keywords checked at its door (no Qt needed): its settings by the table, its own options here."""

from collections.abc import Iterable
from dataclasses import dataclass

from epochviz.core.settings import SETTINGS, check_settings

WINDOW_MIN_SCALE = 0.75  # the projector scale (View > Larger / Smaller, --scale)
WINDOW_MAX_SCALE = 2.5
THEME_NAMES = ("light", "dark", "high-contrast")


def checked_window_presets(**presets: object) -> dict:
    """The window's setting keywords checked by the settings table (``None`` means not given).

    ``TypeError`` or ``ValueError`` names the keyword, so ``MainWindow(samples="100")``
    fails at once with a reason instead of later inside the worker; an unknown
    keyword is a ``TypeError`` that lists the settings.
    """
    return check_settings(presets)


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
    from epochviz.core.checks import check_real
    from epochviz.core.run_config import RunConfig

    if not isinstance(config, RunConfig):
        raise TypeError(f"config must be a RunConfig, got {type(config).__name__}")
    check_settings({name: getattr(config, name) for name in SETTINGS})
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
    from epochviz.core.run_config import RunConfig

    checked = checked_window_presets(**presets)
    choices = check_batch_choices(compare) if compare is not None else list(DEFAULT_BATCH_SIZES)
    check_window_options(play, scale, theme)
    if backend not in backends:
        raise ValueError(f"backend must be one of {', '.join(backends)}, got {backend!r}")
    if isinstance(scene, int) and not isinstance(scene, bool):
        scene = str(scene)  # a built-in scene's number, as the command line's --scene 10
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

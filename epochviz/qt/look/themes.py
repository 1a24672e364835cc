"""Light, dark and high-contrast themes for the whole window: widgets, chart and every view.

A theme sets Qt's palette (Fusion draws every widget from it), the chart's
background, axes and line colours and widths, and the views' shared colours
(``qt.palette``, changed in place so that every view draws in them at its next
paint). Classes keep the Okabe-Ito colours in every theme, so they stay apart
for colour-blind viewers; high contrast is black on white with thick lines and
no pale tints, for washed-out projectors. By default the window follows the
system's light or dark preference where Qt reports one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from epochviz.qt.charts import loss_plot
from epochviz.qt.look import palette

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    """Every colour a theme sets (RGB triples) and how thick the chart's lines are."""

    name: str
    window: RGB
    text: RGB
    base: RGB
    button: RGB
    highlight: RGB
    view_background: RGB
    ink: RGB
    node_fill: RGB
    states: tuple[RGB, RGB, RGB, RGB, RGB]  # not yet seen, seen, in the batch, left out, held out for validation
    positive: RGB
    negative: RGB
    raw: RGB
    smooth: RGB
    epoch: RGB
    validation: RGB  # the held-out samples' loss at each epoch end
    line_scale: float
    banner: str
    caption: str


THEMES = {
    "light": Theme(
        "light", window=(239, 239, 239), text=(20, 20, 20), base=(255, 255, 255), button=(239, 239, 239),
        highlight=(48, 140, 198), view_background=(252, 252, 252), ink=(40, 40, 40), node_fill=(255, 255, 255),
        states=((205, 210, 218), (70, 130, 200), (245, 130, 20), (60, 60, 60), (240, 228, 66)),
        positive=(33, 102, 172), negative=(214, 96, 77), raw=(120, 160, 215), smooth=(20, 60, 150),
        epoch=(200, 90, 20), validation=(200, 60, 160), line_scale=1.0,
        banner="QLabel { background:#fde2e1; color:#8a1c13; border:1px solid #e5a29c; padding:8px; border-radius:4px; }",
        caption="QLabel { background:#fff6d5; color:#3d3000; border:1px solid #e6d58a; padding:6px; border-radius:4px; }",
    ),
    "dark": Theme(
        "dark", window=(37, 39, 43), text=(232, 232, 232), base=(27, 29, 32), button=(52, 55, 60),
        highlight=(86, 156, 214), view_background=(30, 32, 36), ink=(225, 225, 225), node_fill=(60, 63, 70),
        states=((80, 86, 96), (86, 156, 214), (245, 150, 40), (15, 15, 15), (240, 228, 66)),
        positive=(86, 170, 240), negative=(240, 120, 90), raw=(100, 150, 215), smooth=(170, 210, 255),
        epoch=(245, 150, 60), validation=(200, 60, 160), line_scale=1.0,
        banner="QLabel { background:#4a1f1c; color:#ffd8d3; border:1px solid #8a3b33; padding:8px; border-radius:4px; }",
        caption="QLabel { background:#3d3510; color:#fff3c4; border:1px solid #7d6b1e; padding:6px; border-radius:4px; }",
    ),
    "high-contrast": Theme(
        "high-contrast", window=(255, 255, 255), text=(0, 0, 0), base=(255, 255, 255), button=(255, 255, 255),
        highlight=(0, 0, 0), view_background=(255, 255, 255), ink=(0, 0, 0), node_fill=(255, 255, 255),
        states=((150, 150, 150), (0, 90, 200), (230, 100, 0), (0, 0, 0), (240, 228, 66)),
        positive=(0, 70, 170), negative=(200, 50, 0), raw=(0, 90, 200), smooth=(0, 0, 0), epoch=(200, 60, 0),
        validation=(200, 60, 160), line_scale=1.8,
        banner="QLabel { background:#ffffff; color:#000000; border:3px solid #000000; padding:8px; }",
        caption="QLabel { background:#ffffff; color:#000000; border:3px solid #000000; padding:6px; }",
    ),
}


def system_theme() -> str:
    """``dark`` when the system says it prefers dark (Qt 6's colour scheme), else ``light``."""
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def _qt_palette(theme: Theme) -> QPalette:
    colours = QPalette()
    role = QPalette.ColorRole
    for roles, rgb in (
        ((role.Window,), theme.window), ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText), theme.text),
        ((role.Base, role.ToolTipBase), theme.base), ((role.AlternateBase, role.Button), theme.button),
        ((role.Highlight,), theme.highlight),
    ):
        for r in roles:
            colours.setColor(r, QColor(*rgb))
    colours.setColor(role.HighlightedText, QColor(*theme.base) if theme.name != "high-contrast" else QColor(255, 255, 255))
    return colours


@dataclass
class Themed:
    """What a theme colours besides the palette: the charts, the data view, the banners and the scene caption."""

    chart: loss_plot.LossPlot
    compare_plot: object  # the compare chart (``CompareView.plot``)
    views: object  # the learning views (``LearningViews``): the dataset's image and every view repainted
    banners: tuple[QLabel, ...]
    caption: QLabel | None = None  # the tour's scene caption, once there is one
    code: object | None = None  # the code view (``CodeView``): its highlighting follows the theme


def apply_theme(name: str, themed: Themed) -> Theme:
    """Put theme ``name`` on the application and on ``themed`` (``ValueError`` for an unknown name)."""
    if name not in THEMES:
        raise ValueError(f"theme must be one of {', '.join(THEMES)}, got {name!r}")
    theme = THEMES[name]
    for colour, rgb in (
        (palette.VIEW_BACKGROUND, theme.view_background), (palette.INK, theme.ink),
        (palette.NODE_FILL, theme.node_fill), (palette.POSITIVE, theme.positive), (palette.NEGATIVE, theme.negative),
        (loss_plot.RAW_COLOUR, theme.raw), (loss_plot.SMOOTH_COLOUR, theme.smooth), (loss_plot.EPOCH_COLOUR, theme.epoch),
        (loss_plot.VALIDATION_COLOUR, theme.validation),
    ):
        colour.setRgb(*rgb)
    for k, rgb in enumerate(theme.states):
        palette.STATE_RGBA[k, :3] = rgb
        palette.STATE_COLOURS[k].setRgb(*rgb)
    app = QApplication.instance()
    app.setPalette(_qt_palette(theme))
    themed.chart.restyle(QColor(*theme.base), QColor(*theme.text), theme.line_scale)
    themed.compare_plot.restyle(QColor(*theme.base), QColor(*theme.text), tints=theme.name != "high-contrast")
    themed.views.dataset.restyle()
    for banner in themed.banners:
        banner.setStyleSheet(theme.banner)
    if themed.caption is not None:
        themed.caption.setStyleSheet(theme.caption)
    if themed.code is not None:
        themed.code.set_theme(theme.name)
    themed.views.refresh_all()
    return theme

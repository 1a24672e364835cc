"""Export from the window: the chart as PNG or SVG shaped for a slide, the whole window as PNG, the log as CSV.

The chart is drawn afresh at the size asked for (a slide's 1920x1080 by
default, or 1920 wide at the window's aspect), not copied from the strip it is
on screen: it is laid out at half that size, so its text reads from the back of
the room, and painted at twice the scale. Every file is written whole or not at
all (``core.run_log.write_atomically``); the pictures are made in memory and
written by Python, since Qt's writers cannot say that the disk is full. The
log of a long run is written on a worker thread, since ten million rows take
seconds.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRect, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPaintDevice
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenuBar, QWidget

from epochviz.core.history import LossHistory
from epochviz.core.run_log import ExportError, write_bytes_atomically, write_log_file
from epochviz.core.engine.session import EpochEnd
from epochviz.core.words import QT_TRANSLATE_NOOP, worded
from epochviz.qt.charts.loss_plot import LossPlot
from epochviz.qt.compare.compare_mode import CompareMode
from epochviz.qt.window.recording import WindowRecorder
from epochviz.text.translations import explain, translate, units
from epochviz.qt.widgets.language_watch import reword_on_language_change

SAID_MS = 8000  # a file's name stays in the status bar long enough to read
SLIDE_SIZE = (1920, 1080)  # a chart export's size unless told otherwise: a full-HD slide
SLIDE_LAYOUT_WIDTH = 960  # the chart is laid out this wide (at most) and scaled up: text a slide can show
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="epochviz-export")


def window_aspect_size(window_size: tuple[int, int], width: int = SLIDE_SIZE[0]) -> tuple[int, int]:
    """A picture ``width`` wide with the aspect of ``window_size`` (its height rounded to an even number)."""
    window_width, window_height = window_size
    return width, max(2, round(width * window_height / max(1, window_width) / 2) * 2)


def export_chart(chart: LossPlot | pg.PlotWidget, path: str, size: tuple[int, int] = SLIDE_SIZE) -> Path:
    """The loss chart (or compare mode's) as PNG or SVG, chosen by the file name, ``size`` pixels (width, height)."""
    width, height = size
    if Path(path).suffix.lower() == ".svg":
        return _write_picture(path, lambda: _svg(chart, width, height), "SVG")
    return _write_picture(path, lambda: _png(_image(chart, width, height)), "PNG")


def _plot_widget(chart: LossPlot | pg.PlotWidget) -> pg.PlotWidget:
    return chart if isinstance(chart, pg.PlotWidget) else chart.plot


def _paint_chart(chart: LossPlot | pg.PlotWidget, device: QPaintDevice, width: int, height: int) -> bool:
    """Paint the chart laid out afresh for ``width`` x ``height`` on ``device``; the screen's layout comes back.

    Its plot is laid out at most ``SLIDE_LAYOUT_WIDTH`` wide at the picture's aspect,
    drawn with the detail of that width, then painted scaled up to fill the picture.
    False if the device cannot be painted on.
    """
    view = _plot_widget(chart)
    item = view.getPlotItem()
    scale = max(1.0, width / SLIDE_LAYOUT_WIDTH)
    on_screen = item.geometry()
    painter = QPainter()
    item.setGeometry(QRectF(0, 0, width / scale, height / scale))  # the plot's own layout follows at once
    try:
        chart.mark_dirty()
        chart.redraw()
        if not painter.begin(device):
            return False
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        target = QRectF(0, 0, width, height)
        painter.fillRect(target, view.backgroundBrush())
        view.scene().render(painter, target, item.sceneBoundingRect())
        painter.end()
        return True
    finally:
        item.setGeometry(on_screen)
        chart.mark_dirty()
        chart.redraw()


def _image(chart: LossPlot | pg.PlotWidget, width: int, height: int) -> QImage:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    return image if _paint_chart(chart, image, width, height) else QImage()


def _write_picture(path: str, encode, kind: str) -> Path:
    """``encode()``'s bytes written whole to ``path``; ``ExportError`` naming the file if either fails."""
    data = encode()
    if not data:
        raise worded(
            ExportError, QT_TRANSLATE_NOOP("errors", "cannot write {path}: the picture could not be made as {kind}"),
            path=path, kind=kind)
    return write_bytes_atomically(path, data)


def _png(image: QImage) -> bytes:
    """``image`` encoded as PNG (empty if Qt could not encode it)."""
    if image.isNull():
        return b""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    encoded = image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data()) if encoded else b""


def _svg(chart: LossPlot | pg.PlotWidget, width: int, height: int) -> bytes:
    """The chart's scene as vector SVG, ``width`` x ``height``, painted by Qt's own SVG generator.

    pyqtgraph's SVGExporter cannot read the path data that Qt 6.11 writes
    (pyqtgraph issue #3485, open: ``ValueError: not enough values to unpack``),
    so the scene is rendered straight into a QSvgGenerator instead.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRect(0, 0, width, height))
    generator.setTitle("epochviz loss chart")
    # else text and axes are drawn at 72 dpi against the curves' 96
    generator.setResolution(_plot_widget(chart).logicalDpiX())
    painted = _paint_chart(chart, generator, width, height)
    buffer.close()
    return bytes(data.data()) if painted else b""


def export_window(window: QWidget, path: str) -> Path:
    """The whole window as PNG."""
    return export_image(window.grab().toImage(), path)


def export_image(image: QImage, path: str) -> Path:
    """``image`` as a PNG file, written whole or not at all."""
    return _write_picture(path, lambda: _png(image), "PNG")


def log_snapshot(history: LossHistory, epoch_ends: list[EpochEnd]):
    """What the log needs, copied now (the history goes on growing, and its smoothing may be swapped)."""
    n = len(history)
    ends = {e.global_iteration: (e.loss, e.accuracy, e.val_loss, e.val_accuracy)
            for e in epoch_ends if e.global_iteration <= n}
    return history.schedule, history.loss.view()[:n].copy(), history.smoothed.view()[:n].copy(), ends


def export_log(history: LossHistory, epoch_ends: list[EpochEnd], path: str) -> Path:
    """The per-iteration log as CSV (here and now; ``Exports.log`` does it off the GUI thread)."""
    return write_log_file(path, *log_snapshot(history, epoch_ends))


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
    """A file name from the save dialog, ending in ``suggested``'s suffix; None if the user cancelled."""
    suffix = Path(suggested).suffix
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    if not path:
        return None
    return path if path.lower().endswith(suffix) else path + suffix


def _filters() -> dict[str, str]:
    """The file dialogs' filters, in the current language."""
    return {".png": translate("exports", "PNG image (*.png)"), ".svg": translate("exports", "SVG drawing (*.svg)"),
            ".csv": translate("exports", "CSV table (*.csv)"), ".gif": translate("exports", "Animated GIF (*.gif)"),
            ".mp4": translate("exports", "MP4 video (*.mp4)")}


class Exports(QObject):
    """The File menu's exports: each asks for a file name, writes, and says so (``notice``).

    It pictures ``chart`` or, while compare mode is on, the comparison's chart
    (``compare``); the window's own pixels come from the ``recorder``, whose subject
    it is. Its dialogs open over ``screen`` (the window's central widget). Quit asks
    the window to close (``quit_requested``): the File menu holds no window.
    """

    notice = Signal(str, int)  # one line for the status bar, and how long it stays (ms)
    quit_requested = Signal()

    def __init__(self, menu_bar: QMenuBar, screen: QWidget, recorder: WindowRecorder, chart: LossPlot,
                 compare: CompareMode) -> None:
        super().__init__(menu_bar)
        self._screen, self.recorder, self._single_chart, self._compare = screen, recorder, chart, compare
        self._job: Future | None = None
        self._poll = QTimer(self, interval=100)
        self._poll.timeout.connect(self._check_job)
        self.menu = menu = menu_bar.addMenu("")
        recorder.finished.connect(lambda path: self._say(translate("exports", "Saved {path}").format(path=path)))
        recorder.failed.connect(lambda message: self._say(
            translate("exports", "Recording not saved: {problem}").format(problem=message)))
        self._actions = []
        for keys, action in (("Ctrl+E", self.ask_chart_png), ("Ctrl+Alt+E", self.ask_chart_png_window_aspect),
                             ("Ctrl+Shift+E", self.ask_chart_svg), ("Ctrl+Shift+P", self.ask_window_png),
                             ("Ctrl+Shift+L", self.ask_log_csv), (None, None),
                             ("Ctrl+Shift+G", self.ask_record_gif), ("Ctrl+Shift+M", self.ask_record_mp4),
                             ("Ctrl+Shift+X", recorder.stop), (None, None),
                             (QKeySequence.StandardKey.Quit, self.quit_requested.emit)):
            if keys is None:
                menu.addSeparator()
            else:
                self._actions.append(menu.addAction("", QKeySequence(keys), action))
        self.retranslate()
        reword_on_language_change(menu, self.retranslate)

    def retranslate(self) -> None:
        """The File menu in the current language."""
        self.menu.setTitle(translate("exports", "&File"))
        for action, text in zip(self._actions, (
                translate("exports", "Export chart as PNG, a 1920x1080 slide…"),
                translate("exports", "Export chart as PNG, 1920 wide at the window's aspect…"),
                translate("exports", "Export chart as SVG, a 1920x1080 slide…"),
                translate("exports", "Export window as PNG…"),
                translate("exports", "Export log as CSV…"), translate("exports", "Record window as GIF…"),
                translate("exports", "Record window as MP4…"), translate("exports", "Stop recording"),
                translate("exports", "Quit"))):
            action.setText(text)


    @property
    def chart_on_show(self) -> LossPlot | pg.PlotWidget:
        """The chart on show: the single run's, or in compare mode the comparison's."""
        return self._compare.view.plot if self._compare.active else self._single_chart

    def ask_chart_png(self) -> None:
        self._ask("chart.png", lambda path: export_chart(self.chart_on_show, path))

    def ask_chart_png_window_aspect(self) -> None:
        size = window_aspect_size(self.recorder.window_size())
        self._ask("chart.png", lambda path: export_chart(self.chart_on_show, path, size))

    def ask_chart_svg(self) -> None:
        self._ask("chart.svg", lambda path: export_chart(self.chart_on_show, path))

    def ask_window_png(self) -> None:
        self._ask("window.png", lambda path: export_image(self.recorder.window_image(), path))

    def ask_log_csv(self) -> None:
        if self._compare.active:  # the log is one run's; writing the hidden single run's would mislead
            self._say(translate("exports", "The log is of one run: compare mode's runs are in its table. Leave "
                                           "compare mode (Ctrl+K) to export the log."))
            return
        self._ask("log.csv", self.log)

    def ask_record_gif(self) -> None:
        self._ask_record("recording.gif")

    def ask_record_mp4(self) -> None:
        self._ask_record("recording.mp4")

    def _ask_record(self, suggested: str) -> None:
        if self.recorder.encoder is not None:
            self._say(translate("exports", "A recording is already under way: stop it first (Ctrl+Shift+X)."))
            return
        path = ask_save_path(self._screen, translate("exports", "Record"), suggested,
                             _filters()[Path(suggested).suffix])
        if path is None:
            return
        seconds, ok = QInputDialog.getDouble(self._screen, translate("exports", "Record"),
                                             translate("exports", "Seconds to record:"), 10.0, 0.5, 600.0, 1)
        if not ok:
            return
        try:
            self.recorder.start(path, seconds)
        except ExportError as exc:
            self._say(translate("exports", "Recording not started: {problem}").format(problem=explain(exc)))

    def _ask(self, suggested: str, write) -> None:
        path = ask_save_path(self._screen, translate("exports", "Export"), suggested,
                             _filters()[Path(suggested).suffix])
        if path is None:
            return
        try:
            written = write(path)
        except ExportError as exc:
            self._say(translate("exports", "Export failed: {problem}").format(problem=explain(exc)))
            return
        if written is not None:
            self._say(translate("exports", "Saved {path}").format(path=written))

    def log(self, path: str) -> None:
        """Write the log on a worker thread; the status bar says when it is done."""
        chart = self._single_chart  # the single run's log (compare mode has its table)
        snapshot = log_snapshot(chart.history, chart.epoch_ends)
        self._say(translate("exports", "Writing the log of {iterations} to {path}…").format(
            iterations=units(len(snapshot[1]), "iteration"), path=path))
        self._job = _WRITER.submit(write_log_file, path, *snapshot)
        self._poll.start()

    def wait(self, timeout_s: float = 120.0) -> Path | None:
        """Wait for a log being written (scripts and tests); its path, or None."""
        job = self._job
        if job is None:
            return None
        job.result(timeout_s)
        self._check_job()
        return job.result()

    def _check_job(self) -> None:
        job = self._job
        if job is None or not job.done():
            return
        self._job = None
        self._poll.stop()
        error = job.exception()
        self._say(translate("exports", "Export failed: {problem}").format(problem=explain(error)) if error else
                  translate("exports", "Saved {path}").format(path=job.result()))

    def _say(self, text: str) -> None:
        self.notice.emit(text, SAID_MS)


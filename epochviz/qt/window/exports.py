"""Export from the window: the chart as PNG (1x, 2x) or SVG, the whole window as PNG, the log as CSV.

Every file is written whole or not at all (``core.run_log.write_atomically``).
The chart's PNG goes through pyqtgraph's ImageExporter, its SVG through Qt's
SVG generator; both, and the window's PNG, are made in memory and written by
Python, since Qt's writers cannot say that the disk is full. The log of a
long run is written on a worker thread, since ten million rows take seconds.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import QImage, QKeySequence, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QWidget

from epochviz.core.history import LossHistory
from epochviz.core.run_log import ExportError, write_bytes_atomically, write_log_file
from epochviz.core.engine.session import EpochEnd
from epochviz.core.words import QT_TRANSLATE_NOOP, worded
from epochviz.qt.charts.loss_plot import LossPlot
from epochviz.qt.window.recording import WindowRecorder
from epochviz.text.translations import explain, translate, units

SAID_MS = 8000  # a file's name stays in the status bar long enough to read
_WRITER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="epochviz-export")


def export_chart(chart: LossPlot, path: str, scale: int = 1) -> Path:
    """The loss chart as PNG (``scale`` times its size on screen) or SVG, chosen by the file name."""
    chart.redraw()
    item = chart.plot.getPlotItem()
    if Path(path).suffix.lower() == ".svg":
        return _write_picture(path, lambda: _svg(chart), "SVG")
    exporter = pg_exporters.ImageExporter(item)
    exporter.parameters()["width"] = int(item.sceneBoundingRect().width() * scale)
    return _write_picture(path, lambda: _png(exporter.export(toBytes=True)), "PNG")


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
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    encoded = image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data()) if encoded else b""


def _svg(chart: LossPlot) -> bytes:
    """The chart's scene as vector SVG, painted by Qt's own SVG generator.

    pyqtgraph's SVGExporter cannot read the path data that Qt 6.11 writes
    (pyqtgraph issue #3485, open: ``ValueError: not enough values to unpack``),
    so the scene is rendered straight into a QSvgGenerator instead.
    """
    view = chart.plot
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(view.viewport().size())
    generator.setViewBox(QRect(QPoint(0, 0), view.viewport().size()))
    generator.setTitle("epochviz loss chart")
    generator.setResolution(view.logicalDpiX())  # else text and axes are drawn at 72 dpi against the curves' 96
    painter = QPainter()
    if not painter.begin(generator):
        return b""
    view.render(painter)
    painter.end()
    buffer.close()
    return bytes(data.data())


def export_window(window: QWidget, path: str) -> Path:
    """The whole window as PNG."""
    image = window.grab().toImage()
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
    """The File menu's exports for ``window``: each asks for a file name, writes, and says so in the status bar."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # the window is reached as parent(): no reference cycle through Qt
        self._job: Future | None = None
        self._poll = QTimer(self, interval=100)
        self._poll.timeout.connect(self._check_job)
        self.menu = menu = window.menuBar().addMenu("")
        self.recorder = WindowRecorder(window)
        self.recorder.finished.connect(lambda path: self._say(translate("exports", "Saved {path}").format(path=path)))
        self.recorder.failed.connect(lambda message: self._say(
            translate("exports", "Recording not saved: {problem}").format(problem=message)))
        self._actions = []
        for keys, action in (("Ctrl+E", self.ask_chart_png), ("Ctrl+Alt+E", self.ask_chart_png_2x),
                             ("Ctrl+Shift+E", self.ask_chart_svg), ("Ctrl+Shift+P", self.ask_window_png),
                             ("Ctrl+Shift+L", self.ask_log_csv), (None, None),
                             ("Ctrl+Shift+G", self.ask_record_gif), ("Ctrl+Shift+M", self.ask_record_mp4),
                             ("Ctrl+Shift+X", self.recorder.stop), (None, None),
                             (QKeySequence.StandardKey.Quit, window.close)):
            if keys is None:
                menu.addSeparator()
            else:
                self._actions.append(menu.addAction("", QKeySequence(keys), action))
        self.retranslate()

    def retranslate(self) -> None:
        """The File menu in the current language."""
        self.menu.setTitle(translate("exports", "&File"))
        for action, text in zip(self._actions, (
                translate("exports", "Export chart as PNG…"),
                translate("exports", "Export chart as PNG, twice the size…"),
                translate("exports", "Export chart as SVG…"), translate("exports", "Export window as PNG…"),
                translate("exports", "Export log as CSV…"), translate("exports", "Record window as GIF…"),
                translate("exports", "Record window as MP4…"), translate("exports", "Stop recording"),
                translate("exports", "Quit"))):
            action.setText(text)
        self.recorder.retranslate()

    @property
    def _window(self) -> QMainWindow:
        return self.parent()

    @property
    def _chart(self) -> LossPlot:
        return self._window.chart

    def ask_chart_png(self) -> None:
        self._ask("chart.png", lambda path: export_chart(self._chart, path))

    def ask_chart_png_2x(self) -> None:
        self._ask("chart@2x.png", lambda path: export_chart(self._chart, path, 2))

    def ask_chart_svg(self) -> None:
        self._ask("chart.svg", lambda path: export_chart(self._chart, path))

    def ask_window_png(self) -> None:
        self._ask("window.png", lambda path: export_window(self._window, path))

    def ask_log_csv(self) -> None:
        self._ask("log.csv", self.log)

    def ask_record_gif(self) -> None:
        self._ask_record("recording.gif")

    def ask_record_mp4(self) -> None:
        self._ask_record("recording.mp4")

    def _ask_record(self, suggested: str) -> None:
        if self.recorder.encoder is not None:
            self._say(translate("exports", "A recording is already under way: stop it first (Ctrl+Shift+X)."))
            return
        path = ask_save_path(self._window, translate("exports", "Record"), suggested,
                             _filters()[Path(suggested).suffix])
        if path is None:
            return
        seconds, ok = QInputDialog.getDouble(self._window, translate("exports", "Record"),
                                             translate("exports", "Seconds to record:"), 10.0, 0.5, 600.0, 1)
        if not ok:
            return
        try:
            self.recorder.start(path, seconds)
        except ExportError as exc:
            self._say(translate("exports", "Recording not started: {problem}").format(problem=explain(exc)))

    def _ask(self, suggested: str, write) -> None:
        path = ask_save_path(self._window, translate("exports", "Export"), suggested,
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
        snapshot = log_snapshot(self._chart.history, self._chart.epoch_ends)
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
        self._window.show_notice(text, SAID_MS)


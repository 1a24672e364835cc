"""The window timed at full speed: the run it trains, the trainer's bare rate beside it, and its GUI figures.

Shared by the benchmarks of one run (``bench``) and of long runs (``long_run``).
"""

from __future__ import annotations

import time

import numpy as np

APP_CONFIG = dict(dataset="spiral", samples=100_000, batch_size=32, epochs=100)


def bare_rate(seconds: float = 1.0, config: dict | None = None) -> float:
    """Iterations/s of the core Trainer alone on the app benchmark's run (or ``config``)."""
    from epochviz.core.run_config import RunConfig
    from epochviz.core.trainer import build_run

    trainer = build_run(RunConfig(**(config or APP_CONFIG)))
    n, t0 = 0, time.perf_counter()
    for _ in trainer:
        n += 1
        if (n & 255) == 0 and time.perf_counter() - t0 >= seconds:
            break
    return n / (time.perf_counter() - t0)


def percentile_ms(intervals: list[float], q: float) -> float:
    return round(float(np.percentile(np.array(intervals) * 1e3, q)), 2)


def frame_timed_window_class():
    """MainWindow that records how long each full-window repaint (a frame) takes."""
    from PySide6.QtCore import QEvent

    from epochviz.app import MainWindow

    class FrameTimedWindow(MainWindow):
        def __init__(self, **kwargs) -> None:
            self.frame_s: list[float] = []
            super().__init__(**kwargs)

        def event(self, event) -> bool:  # noqa: D401 - Qt override
            if event.type() != QEvent.Type.UpdateRequest:
                return super().event(event)
            started = time.perf_counter()
            handled = super().event(event)
            self.frame_s.append(time.perf_counter() - started)
            return handled

    return FrameTimedWindow


def app_run(backend: str, seconds: float = 5.0, language: str = "en") -> dict:
    """Train at full speed in the real (offscreen) window, all views on; time the GUI meanwhile.

    Two measures of the GUI thread: the interval of a 16 ms timer (how late it
    gets to run anything) and the duration of every full-window repaint (frame).
    ``language`` ``zh_CN`` measures the Chinese window (its words are looked up every frame).
    """
    from PySide6.QtCore import QTimer

    from epochviz.app import make_application

    app = make_application()
    window = frame_timed_window_class()(backend=backend, language=language, **APP_CONFIG)
    window.resize(1600, 900)  # a desktop window's views and chart, whatever the offscreen screen says
    window.show()
    window.controls.speed.setValue(float("inf"))
    ticks: list[float] = []
    marks: dict[str, tuple[float, int]] = {}
    timer = QTimer(interval=16)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def begin() -> None:  # measure only once training is under way
        marks["start"] = (time.perf_counter(), window.last_iteration)
        window.frame_s.clear()
        timer.start()
        QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        marks["end"] = (time.perf_counter(), window.last_iteration)
        timer.stop()
        app.quit()

    window.play()
    QTimer.singleShot(700, begin)
    app.exec()
    window.shutdown()
    window.deleteLater()
    if language != "en":
        from epochviz.text.translations import use_language

        use_language("en")  # the next figures are the English window's
    (t0, i0), (t1, i1) = marks["start"], marks["end"]
    intervals = np.diff(ticks).tolist()
    return {
        "iterations_per_s": round((i1 - i0) / (t1 - t0), 1),
        "gui_timer_p50_ms": percentile_ms(intervals, 50),
        "gui_timer_p99_ms": percentile_ms(intervals, 99),
        "frame_p50_ms": percentile_ms(window.frame_s, 50),
        "frame_p99_ms": percentile_ms(window.frame_s, 99),
        "frames_per_s": round(len(window.frame_s) / (t1 - t0), 1),
    }

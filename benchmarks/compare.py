"""Compare mode's benchmark figures (part of ``python -m epochviz.bench``).

Four runs on N = 100,000 (B = 1, 32, 1,000 and full) at full speed in the real
(offscreen) window: how late a 16 ms GUI timer gets (p99), and how much of a
bare core's training the runs keep: their combined training compute seconds
per wall second in the window, over the same figure for the same four runs
interleaved by a bare ``CompareEngine`` with no window (measured in the same run).
"""

from __future__ import annotations

import time

import numpy as np

COMPARE_BATCH_SIZES = [1, 32, 1_000, "full"]
COMPARE_PRESETS = {"dataset": "spiral", "samples": 100_000, "epochs": 100, "lr": 0.05}


def _training_seconds(mode) -> float:
    """The runs' combined training compute so far (forward, backward, update)."""
    return sum(t.compute_seconds for t in mode.tallies)


def bare_compare_rate(seconds: float = 3.0, warm_up: float = 1.0) -> float:
    """Training compute seconds per wall second of the four runs in a bare engine (no window, no process)."""
    from epochviz.core.compare import compare_configs
    from epochviz.core.engine.compare_engine import CompareEngine
    from epochviz.core.engine.session import RunConfig

    engine = CompareEngine()
    engine.configure(compare_configs(RunConfig(**COMPARE_PRESETS), COMPARE_BATCH_SIZES), 1)
    engine.play()

    def training() -> float:
        return sum(lane.compute_seconds for lane in engine.lanes)

    start = time.perf_counter()
    marks = []
    while (now := time.perf_counter()) < start + warm_up + seconds:
        if not marks and now >= start + warm_up:
            marks.append((now, training()))
        engine.run(now, 0.008)
        engine.take_chunk()
    end = time.perf_counter(), training()
    return (end[1] - marks[0][1]) / (end[0] - marks[0][0])


def compare_figures(seconds: float = 5.0) -> dict:
    """GUI timer p99 and the runs' share of a core, with 4 runs training at full speed."""
    from PySide6.QtCore import QTimer

    from epochviz.app import MainWindow, make_application

    app = make_application()
    window = MainWindow(compare=COMPARE_BATCH_SIZES, **COMPARE_PRESETS)
    window.resize(1600, 900)
    window.show()
    window.controls.speed.setValue(float("inf"))
    mode = window.compare
    ticks: list[float] = []
    marks: dict[str, tuple[float, float, float]] = {}
    timer = QTimer(interval=16)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def mark(name: str) -> None:
        marks[name] = (time.perf_counter(), _training_seconds(mode), sum(mode.busy_seconds))

    def begin() -> None:  # once every run is under way
        mark("start")
        timer.start()
        QTimer.singleShot(int(seconds * 1000), finish)

    def finish() -> None:
        mark("end")
        timer.stop()
        app.quit()

    window.play()
    QTimer.singleShot(1000, begin)
    app.exec()
    updates = [t.updates for t in mode.tallies]
    window.shutdown()
    window.deleteLater()
    (t0, c0, b0), (t1, c1, b1) = marks["start"], marks["end"]
    intervals_ms = np.diff(ticks) * 1e3
    bare = bare_compare_rate()
    in_window = (c1 - c0) / (t1 - t0)
    return {
        "compare_gui_timer_p99_ms": round(float(np.percentile(intervals_ms, 99)), 2),
        "compare_gui_timer_p50_ms": round(float(np.percentile(intervals_ms, 50)), 2),
        "compare_ratio": round(in_window / bare, 3),
        "compare_training_s_per_s": round(in_window, 3),
        "compare_bare_training_s_per_s": round(bare, 3),
        "compare_busy_s_per_s": round((b1 - b0) / (t1 - t0), 3),
        "compare_updates": updates,
    }


def print_compare(figures: dict) -> None:
    print(f"Compare mode, 4 runs on N = 100,000 (B = 1, 32, 1,000, N) at full speed: GUI timer p99 "
          f"{figures['compare_gui_timer_p99_ms']:.1f} ms (p50 {figures['compare_gui_timer_p50_ms']:.1f}); "
          f"the runs keep {figures['compare_ratio']:.2f}x of a bare engine's training "
          f"({figures['compare_training_s_per_s']:.2f} vs {figures['compare_bare_training_s_per_s']:.2f} training "
          f"s per wall s; {figures['compare_busy_s_per_s']:.2f} s per s with the epoch-end evaluations)")

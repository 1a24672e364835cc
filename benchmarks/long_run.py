"""Figures of the window that must not depend on how long it has run, or on how hard it is driven.

- ``chart_frame_ms_by_points``: the window's frame time (p99) while a frame's
  worth of points (300) arrives per event-loop turn, at 1, 3 and 10 million points.
- ``chart_interaction_ms``: at 10 million points, from switching the x axis or
  the smoothing to the new curve on screen, and the longest GUI-thread block meanwhile.
- ``slider_storm_worst_ms`` and ``dataset_switch_worst_ms``: the longest gap of a
  16 ms timer while 1,000 batch-size changes arrive in a second, or 30 dataset
  switches 220 ms apart, during training at N = 100,000.
- ``slider_change_us``: what one batch-size or dataset-size change costs the GUI
  thread where it is made (``setValue`` and all it sets off), during the same training.
- ``one_core``: the GUI timer and the trainer's share with app and trainer on one CPU.

Synthetic points go through the window's own update path (``_on_update``), so
everything a real update costs is measured, without a trainer's pace in the way.
"""

from __future__ import annotations

import os
import time

import numpy as np

LONG_SIZES = (1_000_000, 3_000_000, 10_000_000)
FRAME_POINTS = 300
FILL_CHUNK = 200_000
FEED_RESERVE = 900_000  # points left for the measured stretch of each size


def _chunk(window, start: int, count: int, rng: np.random.Generator):
    from epochviz.core.engine.session import Chunk

    g = np.arange(start + 1, start + count + 1, dtype=np.int64)
    chunk = Chunk(window.run_id, "playing")
    chunk.global_iteration = g
    epoch, within = np.divmod(g - 1, window.schedule.iterations_per_epoch)
    chunk.epoch, chunk.iteration = (epoch + 1).astype(np.int32), (within + 1).astype(np.int32)
    chunk.batch_size = np.ones(count, np.int32)
    chunk.loss = 0.3 + rng.random(count) * np.exp(-g / 3e6)
    chunk.accuracy = np.full(count, 0.5)
    return chunk


def _pump(app, seconds: float, each=None) -> list[float]:
    """Run the event loop for ``seconds``, calling ``each()`` every turn; returns a 16 ms timer's intervals."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    timer = QTimer(interval=16)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        if each is not None:
            each()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    timer.stop()
    return np.diff(ticks).tolist()


def _p99(values: list[float], scale: float = 1e3) -> float:
    return round(float(np.percentile(np.array(values) * scale, 99)), 2) if values else float("nan")


def long_run_figures(seconds: float = 2.0) -> dict:
    """Frame times at 1, 3 and 10 M points, then the axis and smoothing switches at 10 M."""
    from epochviz.app import make_application
    from benchmarks.app_timing import frame_timed_window_class

    app = make_application()
    window = frame_timed_window_class()(samples=100_000, batch_size=1, epochs=100)
    window.resize(1600, 900)
    window.show()
    window.controls.speed.setValue(float("inf"))
    window.set_playing(True)  # the views pace themselves as in a run at full speed
    rng = np.random.default_rng(0)
    frames, timers, done = {}, {}, 0
    for size in LONG_SIZES:
        start = size - FEED_RESERVE  # the measured stretch ends at ``size`` at the latest
        while done < start:
            count = min(FILL_CHUNK, start - done)
            window._on_update(_chunk(window, done, count, rng))
            done += count
        _pump(app, 0.3)
        window.frame_s.clear()
        state = {"done": done}

        def feed() -> None:
            if state["done"] + FRAME_POINTS <= size:
                window._on_update(_chunk(window, state["done"], FRAME_POINTS, rng))
                state["done"] += FRAME_POINTS

        timers[str(size)] = _p99(_pump(app, seconds, feed))
        frames[str(size)] = _p99(window.frame_s)
        done = state["done"]
    interactions = _interactions(app, window)
    window.shutdown()
    window.close()
    return {"chart_frame_ms_by_points": frames, "chart_timer_p99_ms_by_points": timers,
            "chart_interaction_ms": interactions, "history_points": len(window.history)}


def _interactions(app, window) -> dict:
    """Time from a change to its curve on screen, and the longest GUI block while waiting."""
    from PySide6.QtCore import QEventLoop, QTimer

    chart = window.chart
    out = {}

    def measure(change, drawn) -> tuple[float, float]:
        # The event loop runs as in the app (idle between events); a 5 ms timer watches for the result.
        ticks: list[float] = []
        loop = QEventLoop()

        def watch() -> None:
            ticks.append(time.perf_counter())
            if drawn() or ticks[-1] - t0 > 10:
                loop.quit()

        timer = QTimer(interval=5)
        timer.timeout.connect(watch)
        app.processEvents()
        t0 = time.perf_counter()
        ticks.append(t0)
        timer.start()
        change()
        loop.exec()
        timer.stop()
        return round((ticks[-1] - t0) * 1e3, 1), round(float(np.max(np.diff(ticks))) * 1e3, 1)

    def axis_drawn(key):
        return lambda: chart.history.axis == key and not chart._dirty and chart.raw.getData()[0] is not None \
            and float(chart.raw.getData()[0][-1]) <= float(chart.history.x_of(len(chart.history))) + 1e-9

    combo = chart.axis
    out["x_axis_switch_ms"], out["x_axis_switch_block_ms"] = measure(
        lambda: combo.setCurrentIndex(combo.findData("epochs")), axis_drawn("epochs"))
    old = chart.history.smoothing
    target = 0.6 if old != 0.6 else 0.7
    out["smoothing_change_ms"], out["smoothing_change_block_ms"] = measure(
        lambda: chart.smoothing.setValue(int(target * 1000)),
        lambda: abs(chart.history.smoothing - target) < 1e-9 and not chart._dirty)
    return out


def _training_window(app, **presets):
    from epochviz.app import MainWindow

    window = MainWindow(**presets)
    window.resize(1600, 900)
    window.show()
    window.controls.speed.setValue(float("inf"))
    window.play()
    _pump(app, 1.0)
    return window


def slider_storm_worst_ms() -> dict:
    """1,000 batch-size changes in one second while training at N = 100,000; the longest timer gap."""
    from PySide6.QtCore import QTimer

    from epochviz.app import make_application

    app = make_application()
    window = _training_window(app, samples=100_000, batch_size=32)
    ladder = [1, 2, 5, 10, 20, 32, 50, 100, 200, 500, 1000, 5000]
    sent = []

    def change() -> None:  # 16 changes every 16 ms: 1,000 a second
        for _ in range(16):
            if len(sent) < 1000:
                value = ladder[len(sent) % len(ladder)]
                window.controls.batch.setValue(value)
                sent.append(value)

    storm = QTimer(interval=16)
    storm.timeout.connect(change)
    storm.start()
    gaps = _pump(app, 1.3)
    storm.stop()
    _pump(app, 0.5)
    right = window.config.batch_size == sent[-1] and window.controls.config().batch_size == sent[-1]
    costs = _change_cost_us(app, window)
    window.shutdown()
    window.close()
    return {"slider_storm_worst_ms": round(max(gaps) * 1e3, 1), "slider_storm_changes": len(sent),
            "slider_storm_end_state_right": right, "slider_change_us": costs}


def _change_cost_us(app, window, rounds: int = 5) -> dict[str, float]:
    """Microseconds per change: 1,000 batch sizes, then 300 dataset sizes, back to back (best of ``rounds``).

    The frames' work for them (drawn once per frame) runs between rounds and is not counted:
    ``slider_storm_worst_ms`` shows it.
    """
    batches = [1, 2, 5, 10, 20, 32, 50, 100, 200, 500, 1000, 5000]
    samples = [1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]
    best = {"batch_size": float("inf"), "dataset_size": float("inf")}
    for _ in range(rounds):
        for key, slider, values, n in (("batch_size", window.controls.batch, batches, 1000),
                                       ("dataset_size", window.controls.samples, samples, 300)):
            t0 = time.perf_counter()
            for i in range(n):
                slider.setValue(values[i % len(values)])
            best[key] = min(best[key], (time.perf_counter() - t0) / n)
            _pump(app, 0.1)
        window.controls.samples.setValue(100_000)
        _pump(app, 0.1)
    return {key: round(seconds * 1e6, 2) for key, seconds in best.items()}


def dataset_switch_worst_ms() -> dict:
    """30 dataset switches 220 ms apart while training at N = 100,000; the longest timer gap."""
    from PySide6.QtCore import QTimer

    from epochviz.app import make_application
    from epochviz.core.datasets import DATASETS

    app = make_application()
    window = _training_window(app, samples=100_000, batch_size=32)
    names = list(DATASETS)
    switched = []

    def switch() -> None:
        if len(switched) < 30:
            combo = window.controls.dataset
            combo.setCurrentIndex((combo.currentIndex() + 1) % len(names))
            switched.append(combo.currentData())

    timer = QTimer(interval=220)
    timer.timeout.connect(switch)
    timer.start()
    gaps = _pump(app, 30 * 0.22 + 0.3)
    timer.stop()
    window.shutdown()
    window.close()
    return {"dataset_switch_worst_ms": round(max(gaps) * 1e3, 1), "dataset_switches": len(switched)}


def one_core(seconds: float = 5.0) -> dict:
    """The window's figures with the app and its trainer confined to one CPU (a laptop on battery saver)."""
    from benchmarks.app_timing import app_run, bare_rate

    if not hasattr(os, "sched_setaffinity"):
        return {}
    before = os.sched_getaffinity(0)
    cpu = min(before)
    os.sched_setaffinity(0, {cpu})  # the trainer process, started after this, inherits it
    try:
        bare = bare_rate()
        run = app_run("process", seconds)
    finally:
        os.sched_setaffinity(0, before)
    return {"gui_timer_p99_ms_one_core": run["gui_timer_p99_ms"],
            "frame_p99_ms_one_core": run["frame_p99_ms"],
            "in_app_ratio_one_core": round(run["iterations_per_s"] / bare, 3),
            "bare_iterations_per_s_one_core": round(bare, 1)}


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return float("nan")


def real_long_run(samples: int = 100_000, epochs: int = 100, report=print) -> dict:
    """The largest run the controls allow, N = 100,000, B = 1, 100 epochs (10 M iterations), at full speed.

    Reports each minute: iterations so far, in-app it/s over the minute, the 16 ms
    timer's p99 and worst gap in that minute, and the GUI process's RSS. Minutes long: not for CI.
    """
    from PySide6.QtCore import QTimer

    from epochviz.app import make_application
    from benchmarks.app_timing import bare_rate

    app = make_application()
    presets = dict(samples=samples, batch_size=1, epochs=epochs)
    bare = bare_rate(2.0, {"dataset": "spiral", **presets})  # the same run, bare, for the ratio
    window = _training_window(app, **presets)
    minutes = []
    ticks: list[float] = []
    timer = QTimer(interval=16)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    mark = (time.perf_counter(), window.last_iteration)

    def minute() -> None:
        nonlocal mark, ticks
        now, done = time.perf_counter(), window.last_iteration
        gaps = np.diff(ticks) * 1e3 if len(ticks) > 1 else np.zeros(1)
        row = {"iterations": done, "in_app_it_per_s": round((done - mark[1]) / (now - mark[0]), 1),
               "timer_p99_ms": round(float(np.percentile(gaps, 99)), 1), "timer_worst_ms": round(float(gaps.max()), 1),
               "gui_rss_mb": round(_rss_mb(), 1)}
        minutes.append(row)
        report(row)
        mark, ticks = (now, done), ticks[-1:]
        if window.state in ("finished", "diverged", "error"):
            app.quit()

    clock = QTimer(interval=60_000)
    clock.timeout.connect(minute)
    clock.start()
    finish = QTimer(interval=500)
    finish.timeout.connect(lambda: minute() if window.state in ("finished", "diverged", "error") else None)
    finish.start()
    app.exec()
    window.shutdown()
    last = minutes[-2] if len(minutes) > 1 else minutes[-1]  # the last full minute
    return {"bare_iterations_per_s": round(bare, 1), "minutes": minutes, "state": window.state,
            "iterations": window.last_iteration, "last_minute_ratio": round(last["in_app_it_per_s"] / bare, 3)}


def recording_figures(seconds: float = 5.0) -> dict:
    """Training at full speed with and without recording the window as MP4 (30 fps), side by side."""
    import tempfile

    from epochviz.app import make_application
    from benchmarks.app_timing import APP_CONFIG

    app = make_application()
    window = _training_window(app, **{k: v for k, v in APP_CONFIG.items() if k != "dataset"})
    window.resize(1280, 720)

    def measure() -> tuple[float, list[float]]:
        start, t0 = window.last_iteration, time.perf_counter()
        gaps = _pump_idle(app, seconds)
        return (window.last_iteration - start) / (time.perf_counter() - t0), gaps

    plain_rate, plain_gaps = measure()
    recorder = window.exports.recorder
    with tempfile.TemporaryDirectory() as folder:
        done: list[str] = []
        recorder.finished.connect(done.append)
        recorder.start(os.path.join(folder, "bench.mp4"), seconds, 30)
        rate, gaps = measure()
        frames = recorder.frames_wanted
        while not done and recorder.encoder is not None:
            _pump_idle(app, 0.1)
    window.shutdown()
    window.close()
    return {"record_gui_timer_p99_ms": _p99(gaps, 1e3), "record_ratio": round(rate / plain_rate, 3),
            "record_plain_timer_p99_ms": _p99(plain_gaps, 1e3), "record_frames": frames}


def _pump_idle(app, seconds: float) -> list[float]:
    """Run the event loop as the app does (idle between events) for ``seconds``; a 16 ms timer's intervals."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    timer = QTimer(interval=16)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    return np.diff(ticks).tolist()

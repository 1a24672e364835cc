"""``python -m epochviz.bench``: throughput of the core against a straight-line numpy loop.

A benchmark, not a test: figures are measured side by side in one run
(alternating rounds, best of each) and reported as ratios, because this
machine is shared and absolute timings wander.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable
from itertools import islice

import numpy as np

from benchmarks.app_timing import APP_CONFIG, app_run, bare_rate
from epochviz.core import MLP, BatchSchedule, Trainer, make_dataset

BENCH_SAMPLES = 100_000
BATCH_SIZES = (1, 32, 100, 1_000, BENCH_SAMPLES)
LR = 0.1
SEED = 0


def _default_model(X: np.ndarray, y: np.ndarray) -> MLP:
    """The default 2-16-16-3 tanh network both loops start from (same seed, same weights)."""
    return MLP(X.shape[1], int(y.max()) + 1, (16, 16), "tanh", lr=LR, seed=SEED)


def baseline_loop(X: np.ndarray, y: np.ndarray, batch_size: int, n_iterations: int) -> None:
    """The same maths as the Trainer for a 2-16-16-3 tanh MLP, written straight through.

    Forward, softmax cross-entropy, batch accuracy, backward, SGD update, and the
    full-dataset loss and accuracy at each epoch end; weights start as MLP's do.
    """
    model = _default_model(X, y)
    W1, b1, W2, b2, W3, b3 = (p.copy() for p in model.parameters())
    n = len(X)
    step = min(batch_size, n)
    per_epoch = math.ceil(n / step)
    done, epoch = 0, 0
    while True:
        epoch += 1
        order = np.random.default_rng([SEED, epoch]).permutation(n)
        for i in range(per_epoch):
            idx = order[i * step : i * step + step]
            xb, yb = X[idx], y[idx]
            m = len(yb)
            rows = np.arange(m)
            h1 = np.tanh(xb @ W1 + b1)
            h2 = np.tanh(h1 @ W2 + b2)
            z = h2 @ W3 + b3
            p = np.exp(z - z.max(axis=1, keepdims=True))
            p /= p.sum(axis=1, keepdims=True)
            _loss = -float(np.log(p[rows, yb]).sum()) / m
            _acc = np.count_nonzero(p.argmax(axis=1) == yb) / m
            p[rows, yb] -= 1.0
            p /= m
            dW3, db3 = h2.T @ p, p.sum(axis=0)
            d2 = (p @ W3.T) * (1.0 - h2 * h2)
            dW2, db2 = h1.T @ d2, d2.sum(axis=0)
            d1 = (d2 @ W2.T) * (1.0 - h1 * h1)
            dW1, db1 = xb.T @ d1, d1.sum(axis=0)
            W1 -= LR * dW1
            b1 -= LR * db1
            W2 -= LR * dW2
            b2 -= LR * db2
            W3 -= LR * dW3
            b3 -= LR * db3
            if i == per_epoch - 1:
                zf = np.tanh(np.tanh(X @ W1 + b1) @ W2 + b2) @ W3 + b3
                pf = np.exp(zf - zf.max(axis=1, keepdims=True))
                pf /= pf.sum(axis=1, keepdims=True)
                _eloss = -float(np.log(pf[np.arange(n), y]).mean())
                _eacc = np.count_nonzero(pf.argmax(axis=1) == y) / n
            done += 1
            if done == n_iterations:
                return


def trainer_loop(X: np.ndarray, y: np.ndarray, batch_size: int, n_iterations: int) -> None:
    """``n_iterations`` records pulled from the core Trainer on the default network."""
    model = _default_model(X, y)
    epochs = math.ceil(n_iterations / math.ceil(len(X) / batch_size)) + 1
    trainer = Trainer(model, X, y, BatchSchedule(len(X), batch_size, epochs, seed=SEED))
    for _ in islice(trainer, n_iterations):
        pass


def _rate(loop: Callable[..., None], X: np.ndarray, y: np.ndarray, b: int, n: int) -> float:
    t0 = time.perf_counter()
    loop(X, y, b, n)
    return n / (time.perf_counter() - t0)


def core_rows(rounds: int = 3, seconds: float = 0.3) -> list[dict]:
    """Iterations/s of Trainer and baseline at each batch size, best of ``rounds``."""
    X, y = make_dataset("spiral", BENCH_SAMPLES, seed=SEED)
    rows = []
    for b in BATCH_SIZES:
        probe = _rate(baseline_loop, X, y, b, 3)
        n = max(5, int(probe * seconds))
        best = {"trainer": 0.0, "baseline": 0.0}
        for _ in range(rounds):
            best["baseline"] = max(best["baseline"], _rate(baseline_loop, X, y, b, n))
            best["trainer"] = max(best["trainer"], _rate(trainer_loop, X, y, b, n))
        samples = min(b, BENCH_SAMPLES)
        rows.append({
            "batch_size": b,
            "iterations": n,
            "trainer_iterations_per_s": round(best["trainer"], 1),
            "baseline_iterations_per_s": round(best["baseline"], 1),
            "trainer_samples_per_s": round(best["trainer"] * samples),
            "baseline_samples_per_s": round(best["baseline"] * samples),
            "trainer_us_per_iteration": round(1e6 / best["trainer"], 1),
            "ratio": round(best["trainer"] / best["baseline"], 3),
        })
    return rows


CHART_POINTS = (10_000, 100_000, 1_000_000)


def chart_redraw_ms(repeats: int = 7) -> dict[str, float]:
    """Median time to append a frame's points, setData and render the chart, per history size."""
    from epochviz.app import make_application
    from epochviz.core.history import LossHistory
    from epochviz.core.schedule import BatchSchedule
    from epochviz.qt.charts.loss_plot import LossPlot

    make_application()
    results = {}
    rng = np.random.default_rng(0)
    for points in CHART_POINTS:
        chart = LossPlot()
        chart.resize(1000, 600)
        chart.show()
        history = LossHistory(BatchSchedule(100_000, 1, 10))
        history.append(np.arange(1, points + 1), 1.0 + rng.random(points))
        chart.set_history(history)
        chart.plot.grab()
        times = []
        for k in range(repeats):
            start = points + k * 500
            t0 = time.perf_counter()
            history.append(np.arange(start + 1, start + 501), 1.0 + rng.random(500))
            chart.mark_dirty()
            chart.redraw()
            chart.plot.grab()  # forces the paint that the next frame would do
            times.append(time.perf_counter() - t0)
        results[str(points)] = round(float(np.median(times)) * 1e3, 2)
        chart.close()
        chart.deleteLater()
    return results


def dataset_view_ms(n: int = 100_000, repeats: int = 9) -> float:
    """Median time to recolour and repaint the dataset view of ``n`` samples (one image)."""
    from epochviz.app import make_application
    from epochviz.core.sample_states import SampleStates
    from epochviz.core.schedule import BatchSchedule
    from epochviz.qt.views.dataset_view import DatasetView

    make_application()
    schedule = BatchSchedule(n, 100, 2)
    states = SampleStates(schedule)
    view = DatasetView()
    view.resize(400, 400)
    view.show()
    view.set_run(n)
    times = []
    for g in range(1, repeats + 1):
        t0 = time.perf_counter()
        view.set_state(states.at(g * 37), 1, states.batch_indices(g * 37))
        view.grid.grab()
        times.append(time.perf_counter() - t0)
    view.close()
    return round(float(np.median(times)) * 1e3, 2)


def app_figures(seconds: float = 5.0) -> dict:
    """The window's figures: GUI timer, in-app throughput ratio (both backends), chart redraw."""
    bare_before = bare_rate()
    process = app_run("process", seconds)
    thread = app_run("thread", seconds)
    chinese = app_run("process", seconds, language="zh_CN")
    bare = max(bare_before, bare_rate())
    ratio = round(process["iterations_per_s"] / bare, 3)
    return {
        "bare_iterations_per_s": round(bare, 1),
        "gui_timer_p50_ms": process["gui_timer_p50_ms"],
        "gui_timer_p99_ms": process["gui_timer_p99_ms"],
        "in_app_ratio": ratio,
        "views_ratio": ratio,  # the window always runs with every view on: one measurement
        "frame_p50_ms": process["frame_p50_ms"],
        "frame_p99_ms": process["frame_p99_ms"],
        "frames_per_s": process["frames_per_s"],
        "in_app_iterations_per_s": process["iterations_per_s"],
        "thread_backend": {**thread, "in_app_ratio": round(thread["iterations_per_s"] / bare, 3)},
        "chinese_window": {**chinese, "in_app_ratio": round(chinese["iterations_per_s"] / bare, 3)},
        "chart_redraw_ms": chart_redraw_ms(),
        "dataset_view_100k_ms": dataset_view_ms(),
    }


def print_app_table(app: dict) -> None:
    cfg = APP_CONFIG
    print(f"\nWindow (offscreen), training at max speed: {cfg['dataset']} N={cfg['samples']:,} B={cfg['batch_size']}")
    print(f"{'backend':>8} {'it/s':>10} {'ratio':>6} {'timer p50 ms':>13} {'timer p99 ms':>13} "
          f"{'frame p50 ms':>13} {'frame p99 ms':>13} {'frames/s':>9}")
    t, zh = app["thread_backend"], app["chinese_window"]
    process = {**app, "iterations_per_s": app["in_app_iterations_per_s"]}
    for name, row, ratio in (("process", process, app["in_app_ratio"]), ("thread", t, t["in_app_ratio"]),
                             ("zh_CN", zh, zh["in_app_ratio"])):
        print(f"{name:>8} {row['iterations_per_s']:>10,.0f} {ratio:>6.2f} {row['gui_timer_p50_ms']:>13.1f} "
              f"{row['gui_timer_p99_ms']:>13.1f} {row['frame_p50_ms']:>13.1f} {row['frame_p99_ms']:>13.1f} "
              f"{row['frames_per_s']:>9.1f}")
    print(f"bare core: {app['bare_iterations_per_s']:,.0f} it/s")
    redraws = (f"{int(k):,} points {v:.1f} ms" for k, v in app["chart_redraw_ms"].items())
    print("Chart update + redraw: " + ", ".join(redraws))
    print(f"Dataset view, 100,000 samples, states + repaint: {app['dataset_view_100k_ms']:.1f} ms")
    frames = ", ".join(f"{int(k) / 1e6:g} M: {v:.1f} ms" for k, v in app["chart_frame_ms_by_points"].items())
    print(f"Window frame p99 while 300 points arrive per turn, by history length: {frames}")
    i = app["chart_interaction_ms"]
    print(f"At {app['history_points']:,} points: x-axis switch {i['x_axis_switch_ms']:.0f} ms "
          f"(longest block {i['x_axis_switch_block_ms']:.0f} ms), smoothing change {i['smoothing_change_ms']:.0f} ms "
          f"(longest block {i['smoothing_change_block_ms']:.0f} ms)")
    print(f"1,000 batch-size changes in a second: worst timer gap {app['slider_storm_worst_ms']:.0f} ms; "
          f"30 dataset switches: {app['dataset_switch_worst_ms']:.0f} ms")
    cost = app["slider_change_us"]
    print(f"One change while training, on the GUI thread: batch size {cost['batch_size']:.1f} us, "
          f"dataset size {cost['dataset_size']:.1f} us")
    if "record_gui_timer_p99_ms" in app:
        print(f"Recording the window as MP4 at 30 fps while training at full speed: timer p99 "
              f"{app['record_gui_timer_p99_ms']:.1f} ms (without: {app['record_plain_timer_p99_ms']:.1f}), "
              f"throughput {app['record_ratio']:.2f}x of not recording")
    if "gui_timer_p99_ms_one_core" in app:
        print(f"One core for app and trainer: timer p99 {app['gui_timer_p99_ms_one_core']:.1f} ms, "
              f"frame p99 {app['frame_p99_ms_one_core']:.1f} ms, trainer {app['in_app_ratio_one_core']:.2f}x of bare")


def print_core_table(rows: list[dict]) -> None:
    print(f"Core training throughput, spiral N={BENCH_SAMPLES:,}, 2-16-16-3 tanh (best of rounds)")
    print(f"{'batch':>8} {'trainer it/s':>13} {'baseline it/s':>14} {'trainer samples/s':>18} "
          f"{'us/it':>9} {'ratio':>6}")
    for r in rows:
        print(
            f"{r['batch_size']:>8,} {r['trainer_iterations_per_s']:>13,.1f} "
            f"{r['baseline_iterations_per_s']:>14,.1f} {r['trainer_samples_per_s']:>18,} "
            f"{r['trainer_us_per_iteration']:>9,.1f} {r['ratio']:>6.2f}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m epochviz.bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per figure")
    parser.add_argument("--core-only", action="store_true", help="skip the window's figures")
    parser.add_argument("--real-long-run", action="store_true",
                        help="only the 10-million-iteration run at full speed, a line a minute (about 10 minutes)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.real_long_run:
        from benchmarks.long_run import real_long_run

        result = real_long_run(report=lambda row: print(json.dumps(row), flush=True))
        print(json.dumps(result))
        return 0
    results: dict = {"core": core_rows(args.rounds)}
    if not args.core_only:
        from benchmarks import long_run as bench_long
        from benchmarks.compare import compare_figures

        results.update(app_figures())
        results.update(bench_long.long_run_figures())
        results.update(bench_long.slider_storm_worst_ms())
        results.update(bench_long.dataset_switch_worst_ms())
        results.update(bench_long.one_core())
        results.update(bench_long.recording_figures())
        results.update(compare_figures())
    if args.json:
        json.dump(results, sys.stdout)
        print()
        return 0
    print_core_table(results["core"])
    if not args.core_only:
        from benchmarks.compare import print_compare

        print_app_table(results)
        print_compare(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())

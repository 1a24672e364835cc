"""``python -m epochviz.bench``: throughput of the core against a straight-line numpy loop.

A benchmark, not a test: figures are measured side by side in one run
(alternating rounds, best of each) and reported as ratios, because this
machine is shared and absolute timings wander.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable
from itertools import islice

import numpy as np

from epochviz.core import MLP, BatchSchedule, Trainer, make_dataset

BENCH_SAMPLES = 100_000
BATCH_SIZES = (1, 32, 100, 1_000, BENCH_SAMPLES)
LR = 0.1
SEED = 0


def baseline_loop(X: np.ndarray, y: np.ndarray, batch_size: int, n_iterations: int) -> None:
    """The same maths as the Trainer for a 2-16-16-3 tanh MLP, written straight through.

    Forward, softmax cross-entropy, batch accuracy, backward, SGD update, and the
    full-dataset loss and accuracy at each epoch end; weights start as MLP's do.
    """
    model = MLP(X.shape[1], int(y.max()) + 1, (16, 16), "tanh", lr=LR, seed=SEED)
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
    model = MLP(X.shape[1], int(y.max()) + 1, (16, 16), "tanh", lr=LR, seed=SEED)
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


def print_core_table(rows: list[dict]) -> None:
    print(f"Core training throughput, spiral N={BENCH_SAMPLES:,}, 2-16-16-3 tanh (best of rounds)")
    print(f"{'batch':>8} {'trainer it/s':>13} {'baseline it/s':>14} {'trainer samples/s':>18} {'us/it':>9} {'ratio':>6}")
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
    args = parser.parse_args(argv)
    results: dict = {"core": core_rows(args.rounds)}
    if args.json:
        json.dump(results, sys.stdout)
        print()
    else:
        print_core_table(results["core"])
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The peak-memory estimate against measured peak RSS, and runs that cannot fit refused with advice."""

import os
import subprocess
import sys
import textwrap

import pytest

from epochviz.core.run_memory import check_fits, largest_fitting_batch, run_memory

MEASURE = textwrap.dedent("""
    import sys
    from epochviz.core import train
    from epochviz.core.run_memory import resident_bytes
    print(resident_bytes())  # the process before the run: the estimate's base
    n, b, hidden, act = int(sys.argv[1]), int(sys.argv[2]), tuple(int(w) for w in sys.argv[3].split(",")), sys.argv[4]
    for record in train(samples=n, batch_size=b, epochs=1, hidden=hidden, activation=act):
        pass  # a whole epoch: every iteration and the epoch-end evaluation
    # The peak of this process's own memory: VmHWM (ru_maxrss would carry the forking parent's peak).
    hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
    print(int(hwm.split()[1]) * 1024)
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
@pytest.mark.parametrize("n, b, hidden, activation", [
    (20_000, 20_000, (256,), "sigmoid"), (30_000, 30_000, (512, 512), "relu"),
    (100_000, 2_000, (256, 256, 256), "tanh"), (20_000, 32, (16, 16), "tanh"),
])
def test_the_estimate_is_within_a_factor_1_5_of_the_measured_peak(n, b, hidden, activation):
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(n), str(b), ",".join(map(str, hidden)), activation],
        capture_output=True, text=True, timeout=120, env=dict(os.environ, OPENBLAS_NUM_THREADS="1"),
    )
    assert result.returncode == 0, result.stderr
    base, measured = (int(v) for v in result.stdout.split())
    estimate = run_memory((2, *hidden, 3), n, b, activation, base=base).total
    assert measured / 1.5 <= estimate <= measured * 1.5, (estimate, measured)


def test_a_run_that_cannot_fit_is_refused_with_a_batch_that_would():
    widths = (2, *([1024] * 8), 3)
    with pytest.raises(MemoryError, match=r"needs about .* GB .* a batch size of at most [\d,]+ would fit"):
        check_fits(widths, 100_000, 100_000, available=2 * 10**9)
    fitting = largest_fitting_batch(widths, 100_000, "tanh", 0, int(2 * 10**9 * 0.85))
    check_fits(widths, 100_000, fitting, available=2 * 10**9)  # that batch is accepted


def test_the_window_history_counts_toward_the_peak():
    assert run_memory((2, 16, 3), 1000, 10, kept_iterations=10**7).history == 32 * 10**7

"""``python -m epochviz.bench``: the benchmarks, which live beside the package in a source checkout.

They are not installed with epochviz (about 900 lines a user never runs); from a
checkout this door runs ``benchmarks/bench.py`` with the same arguments.
"""

import runpy
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    if not (CHECKOUT / "benchmarks" / "bench.py").is_file():
        sys.exit("epochviz: the benchmarks come with the source checkout (benchmarks/), not the installed package")
    sys.path.insert(0, str(CHECKOUT))
    runpy.run_module("benchmarks.bench", run_name="__main__", alter_sys=True)

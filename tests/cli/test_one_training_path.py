"""One training path: every door that trains builds the same run from the same settings and seed.

The window's engine (``TrainingEngine``, driven here synchronously), compare mode's
engine, ``core.train()``, ``epochviz train`` (its CSV log) and ``epochviz compare``
(its JSON) must give equal losses, iteration by iteration where they show them.
"""

import csv
import json
from dataclasses import asdict

import numpy as np
import pytest

from epochviz.cli.main import build_parser, main
from epochviz.core.compare import compare_configs
from epochviz.core.engine.compare_engine import CompareEngine
from epochviz.core.run_config import RunConfig
from epochviz.core.engine.session import TrainingEngine
from epochviz.core.trainer import build_run, train

N, EPOCHS = 120, 2
CASES = {
    "B=1": {"batch_size": 1},
    "B=32": {"batch_size": 32},
    "B=N": {"batch_size": N},
    "4x8 accumulated": {"batch_size": 8, "accumulate": 4},
    "drop-last": {"batch_size": 32, "drop_last": True},
    "network, no shuffle": {"batch_size": 16, "hidden": (8,), "activation": "relu", "shuffle": False, "seed": 3},
}


def small(**changes) -> RunConfig:
    return RunConfig(samples=N, epochs=EPOCHS, lr=0.1, **changes)


def run_flags(config: RunConfig) -> list[str]:
    """The command-line flags that say ``config`` (every one given, none left to a default)."""
    flags = ["--dataset", config.dataset, "--samples", str(config.samples), "--batch-size", str(config.batch_size),
             "--epochs", str(config.epochs), "--lr", repr(config.lr), "--accumulate", str(config.accumulate),
             "--hidden", ",".join(map(str, config.hidden)), "--activation", config.activation,
             "--seed", str(config.seed)]
    return flags + ["--drop-last"] * config.drop_last + ["--no-shuffle"] * (not config.shuffle)


def drain(engine) -> list:
    """Play ``engine`` to its end in this thread; every chunk it handed over."""
    engine.play()  # a command both engines have
    chunks = []
    while engine.busy:
        engine.run(0.0, 60.0)
        chunks.append(engine.take_chunk())
    chunks.append(engine.take_chunk())
    return [c for c in chunks if c is not None]


def engine_losses(config: RunConfig) -> tuple[list[float], list[float]]:
    """(every iteration's loss, every epoch end's whole-dataset loss) from the window's engine."""
    engine = TrainingEngine(view_data=False)
    engine.configure(config, 1)
    chunks = drain(engine)
    assert chunks[-1].state == "finished"
    return np.concatenate([c.loss for c in chunks]).tolist(), [e.loss for c in chunks for e in c.epoch_ends]


def api_losses(config: RunConfig) -> tuple[list[float], list[float]]:
    records = list(train(**asdict(config)))
    return [r.loss for r in records], [r.epoch_loss for r in records if r.epoch_end]


def cli_train_losses(config: RunConfig, tmp_path, capsys) -> tuple[list[float], list[float]]:
    path = tmp_path / "log.csv"
    assert main(["train", *run_flags(config), "--csv", str(path)]) == 0
    capsys.readouterr()
    with open(path, newline="") as stream:
        rows = list(csv.DictReader(stream))
    return [float(r["loss"]) for r in rows], [float(r["epoch_loss"]) for r in rows if r["epoch_loss"]]


@pytest.mark.parametrize("case", CASES)
def test_engine_train_and_the_train_command_give_the_same_losses(case, tmp_path, capsys):
    config = small(**CASES[case])
    losses, epoch_losses = engine_losses(config)
    assert len(losses) == config.schedule().total_iterations and len(epoch_losses) == EPOCHS
    assert api_losses(config) == (losses, epoch_losses)
    assert cli_train_losses(config, tmp_path, capsys) == (losses, epoch_losses)


@pytest.mark.parametrize("changes", [{}, {"accumulate": 4}, {"drop_last": True}], ids=["plain", "K=4", "drop-last"])
def test_compare_mode_and_the_compare_command_train_the_runs_a_single_run_would(changes, capsys):
    base = small(**changes)
    configs = compare_configs(base, [1, 32, "full"])
    engine = CompareEngine()
    engine.configure(configs, 1)
    chunks = drain(engine)
    assert chunks[-1].state == "finished"
    assert main(["compare", *run_flags(base), "--batch-sizes", "1,32,full", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["runs"]
    for lane, config, row in zip(range(len(configs)), configs, rows):
        losses, epoch_losses = engine_losses(config)
        assert np.concatenate([c.lanes[lane].loss for c in chunks]).tolist() == losses
        assert [e.loss for c in chunks for e in c.lanes[lane].epoch_ends] == epoch_losses
        assert (row["batch_size"], row["lr"], row["epoch_losses"]) == (config.batch_size, config.lr, epoch_losses)


@pytest.mark.parametrize("command", ["train", "compare"])
def test_the_commands_defaults_are_the_windows_run(command):
    args = build_parser().parse_args([command])
    assert RunConfig.pick(vars(args)) == RunConfig()


def test_train_with_no_arguments_is_the_windows_default_run():
    default, made = train(), build_run(RunConfig())
    assert repr(default) == repr(made)
    assert [next(default).loss for _ in range(5)] == [next(made).loss for _ in range(5)]

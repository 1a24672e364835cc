"""--validation-split on the command line: schedule, train (progress, --csv, --json), compare and the window."""

import csv
import json
import re
import subprocess
import sys

import numpy as np
import pytest

from epochviz.cli.main import main
from epochviz.core.run_config import RunConfig
from epochviz.core.trainer import build_run

TRAIN = ["train", "--samples", "203", "--batch-size", "20", "--epochs", "3", "--seed", "4", "--validation-split", "0.2"]
CONFIG = RunConfig(samples=203, batch_size=20, epochs=3, seed=4, validation_split=0.2)


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def epoch_end_records(config: RunConfig) -> list:
    return [r for r in build_run(config) if r.epoch_end]


def test_schedule_counts_the_training_samples_and_names_the_held_out(capsys):
    code, out, _ = run(capsys, "schedule", "--samples", "10000", "--batch-size", "10", "--validation-split", "0.2",
                       "--json")
    facts = json.loads(out)
    assert code == 0 and facts["n_samples"] == 8000 and facts["validation_samples"] == 2000
    assert facts["iterations_per_epoch"] == 800
    _, board, _ = run(capsys, "schedule", "--samples", "10000", "--batch-size", "10", "--validation-split", "0.2")
    assert "10,000 - 2,000 held out = 8,000" in board and "ceil(8000 / 10) = 800" in board


def test_train_json_is_one_object_with_every_epochs_training_and_validation_figures(capsys):
    code, out, err = run(capsys, *TRAIN, "--json")
    report = json.loads(out)  # the whole of standard output: no progress lines
    assert code == 0 and err == ""
    assert (report["samples"], report["training_samples"], report["validation_samples"]) == (203, 162, 41)
    assert report["settings"]["validation_split"] == 0.2 and report["iterations_per_epoch"] == 9
    ends = epoch_end_records(CONFIG)
    assert [e["epoch"] for e in report["epoch_ends"]] == [1, 2, 3]
    assert [e["loss"] for e in report["epoch_ends"]] == [r.epoch_loss for r in ends]
    assert [e["val_loss"] for e in report["epoch_ends"]] == [r.val_loss for r in ends]
    assert [e["val_accuracy"] for e in report["epoch_ends"]] == [r.val_accuracy for r in ends]
    assert report["start"]["val_loss"] is not None and report["diverged"] is False


def test_train_json_without_a_split_has_no_validation_figures(capsys):
    code, out, _ = run(capsys, "train", "--samples", "100", "--epochs", "2", "--json")
    report = json.loads(out)
    assert code == 0 and report["validation_samples"] == 0
    assert all(e["val_loss"] is None and e["loss"] is not None for e in report["epoch_ends"])


def test_a_diverged_run_still_prints_its_json_and_says_why_on_stderr(capsys):
    code, out, err = run(capsys, "train", "--lr", "50", "--epochs", "3", "--json")
    report = json.loads(out)
    assert code == 1 and report["diverged"] is True and "smaller learning rate" in err


def test_the_progress_lines_end_with_the_validation_figures_as_keras_prints_them(capsys):
    code, out, _ = run(capsys, *TRAIN)
    finals = [line for line in out.splitlines() if line.startswith("9/9 ")]
    assert code == 0 and len(finals) == 3
    for line, record in zip(finals, epoch_end_records(CONFIG)):
        assert line.endswith(f" - val_accuracy: {record.val_accuracy:.4f} - val_loss: {record.val_loss:.4f}")
    _, plain, _ = run(capsys, "train", "--samples", "100", "--epochs", "1")
    assert "val_" not in plain


def test_the_csv_log_carries_the_validation_figures_at_epoch_ends(capsys, tmp_path):
    path = tmp_path / "log.csv"
    assert main([*TRAIN, "--csv", str(path)]) == 0
    rows = list(csv.DictReader(path.open()))
    ends = [row for row in rows if row["epoch_loss"]]
    assert len(rows) == 27 and len(ends) == 3
    assert all(row["val_loss"] == "" for row in rows if not row["epoch_loss"])
    for row, record in zip(ends, epoch_end_records(CONFIG)):
        assert float(row["val_loss"]) == record.val_loss and float(row["val_accuracy"]) == record.val_accuracy


def test_compare_carries_the_validation_figures_in_its_json_and_its_table(capsys):
    argv = ["compare", "--samples", "200", "--epochs", "2", "--batch-sizes", "10,full", "--validation-split", "0.25"]
    code, out, _ = run(capsys, *argv, "--json")
    rows = json.loads(out)["runs"]
    assert code == 0 and [r["batch_size"] for r in rows] == [10, 150]  # full is N_train
    for row in rows:
        assert row["validation_samples"] == 50 and len(row["val_losses"]) == 2
        assert row["final_val_loss"] == row["val_losses"][-1] and row["final_val_accuracy"] is not None
    _, table, _ = run(capsys, *argv)
    assert "val loss" in table and "val accuracy" in table
    _, plain, _ = run(capsys, "compare", "--samples", "200", "--epochs", "1", "--batch-sizes", "10,full")
    assert "val loss" not in plain


@pytest.mark.parametrize("argv, words", [
    (["train", "--validation-split", "0.6"], "--validation-split: must be a number from 0 to 0.5, got '0.6'"),
    (["train", "--validation-split", "-0.1"], "--validation-split: must be a number from 0 to 0.5, got '-0.1'"),
    (["train", "--validation-split", "half"], "got 'half'"),
    (["train", "--samples", "1", "--validation-split", "0.5"], "--samples: must be a whole number from 10"),
    (["train", "--samples", "100", "--batch-size", "90", "--drop-last", "--validation-split", "0.2"],
     "--drop-last: with --batch-size 90 above the 80 training samples"),
    (["--validation-split", "0.7"], "--validation-split: must be a number from 0 to 0.5"),
    (["code", "--validation-split", "nan"], "--validation-split"),
])
def test_a_bad_split_is_one_line_and_status_2(capsys, argv, words):
    with pytest.raises(SystemExit) as info:
        main(argv)
    err = capsys.readouterr().err
    assert info.value.code == 2 and len(err.strip().splitlines()) == 1 and words in err


def test_the_printed_numpy_script_holds_out_the_same_samples_and_prints_the_training_count(tmp_path):
    argv = ["code", "--style", "numpy", "--samples", "203", "--batch-size", "20", "--epochs", "2", "--seed", "4",
            "--validation-split", "0.2"]
    path = tmp_path / "loop.py"
    path.write_text(subprocess.run([sys.executable, "-m", "epochviz", *argv], capture_output=True, text=True,
                                   check=True, timeout=60).stdout)
    out = subprocess.run([sys.executable, "-I", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    assert "41 held out for validation: N_train = 162" in out and "ceil(162 / 20) = 9" in out
    printed = [float(x) for x in re.findall(r"val_loss (\S+),", out)]
    expected = [r.val_loss for r in epoch_end_records(CONFIG.with_changes(epochs=2))]
    np.testing.assert_allclose(printed, expected, atol=1e-4)  # printed to 4 decimals

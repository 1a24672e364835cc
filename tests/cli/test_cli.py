"""The command line: schedule arithmetic, headless training, and one-line errors."""

import contextlib
import io
import json
import os
import stat
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from epochviz import __version__
from epochviz.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_schedule_writes_the_worked_example_as_on_a_board(capsys):
    code, out, _ = run(capsys, "schedule", "--samples", "100000", "--batch-size", "100", "--epochs", "10")
    assert code == 0
    assert "ceil(100000 / 100) = 1000" in out
    assert "10 x 1000 = 10000" in out
    assert "10,000 weight updates" in out
    assert "1,000,000 samples seen" in out


def test_schedule_names_the_partial_last_batch(capsys):
    _, out, _ = run(capsys, "schedule", "--samples", "1003", "--batch-size", "100")
    assert "ceil(1003 / 100) = 11" in out
    assert "3 samples (1,003 mod 100" in out


def test_schedule_with_drop_last_uses_floor_and_says_what_is_dropped(capsys):
    _, out, _ = run(capsys, "schedule", "--samples", "1003", "--batch-size", "100", "--drop-last")
    assert "floor(1003 / 100) = 10" in out
    assert "the 3 left over" in out


def test_schedule_json_has_the_promised_keys(capsys):
    _, out, _ = run(capsys, "schedule", "--samples", "10000", "--batch-size", "10", "--json")
    facts = json.loads(out)
    assert facts["iterations_per_epoch"] == 1000
    assert facts["total_iterations"] == 1000
    assert facts["last_batch_size"] == 10


def test_train_prints_keras_style_epochs_when_not_a_terminal(capsys):
    code, out, _ = run(capsys, "train", "--samples", "300", "--batch-size", "30", "--epochs", "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Epoch 1/2" and lines[2] == "Epoch 2/2"
    assert lines[1].startswith("10/10 " + "━" * 20 + " ")
    assert "us/step - accuracy: 0." in lines[1] or "ms/step - accuracy: 0." in lines[1]
    assert " - loss: " in lines[3]


def test_train_reports_divergence_plainly(capsys):
    code, out, _ = run(capsys, "train", "--lr", "50", "--epochs", "3")
    assert code == 1
    assert "diverged" in out and "smaller learning rate" in out


@pytest.mark.parametrize(
    "argv, flag, value",
    [
        (["train", "--batch-size", "0"], "--batch-size", "'0'"),
        (["train", "--samples", "-5"], "--samples", "'-5'"),
        (["train", "--dataset", "mnist"], "--dataset", "'mnist'"),
        (["train", "--lr", "fast"], "--lr", "'fast'"),
        (["schedule", "--samples", "abc", "--batch-size", "3"], "--samples", "'abc'"),
        (["schedule", "--samples", "10", "--batch-size", "20", "--drop-last"], "--drop-last", "20"),
        (["--batch-size", "x"], "--batch-size", "'x'"),
    ],
)
def test_bad_values_exit_2_with_one_line_naming_flag_and_value(capsys, argv, flag, value):
    with pytest.raises(SystemExit) as info:
        main(argv)
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert len(err.strip().splitlines()) == 1
    assert flag in err and value in err


def test_console_entry_runs_as_a_module_with_version_and_no_traceback():
    version = subprocess.run(
        [sys.executable, "-m", "epochviz", "--version"], capture_output=True, text=True
    )
    assert version.returncode == 0 and version.stdout.strip() == f"epochviz {__version__}"
    bad = subprocess.run(
        [sys.executable, "-m", "epochviz", "train", "--samples", "ten"], capture_output=True, text=True
    )
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and "--samples" in bad.stderr


def plain_shell_env() -> dict:
    """The environment of a plain shell: stdout block-buffered into a pipe (no PYTHONUNBUFFERED), in English."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


OUTPUT_COMMANDS = [
    ["schedule", "--samples", "100", "--batch-size", "3"], ["--help"], ["--version"], ["train", "--help"],
    ["schedule", "--samples", "100", "--batch-size", "3", "--json"],
    ["train", "--samples", "100", "--batch-size", "10", "--epochs", "1"],
    ["compare", "--samples", "60", "--batch-sizes", "1,60", "--epochs", "1"],
    ["compare", "--samples", "60", "--batch-sizes", "1,60", "--epochs", "1", "--json"],
]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=" ".join)
def test_output_into_a_closed_pipe_ends_quietly_with_status_0(command):
    run = subprocess.Popen([sys.executable, "-m", "epochviz", *command], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=plain_shell_env())
    run.stdout.close()  # the reader is gone before anything is written, like `| head -n 0`
    err = run.stderr.read()
    assert run.wait(timeout=60) == 0, err
    assert err == b""


def test_train_stops_quietly_when_its_reader_has_read_enough():
    # `epochviz train ... | head -n 1`: the reader takes the first line and leaves mid-run.
    run = subprocess.Popen([sys.executable, "-m", "epochviz", "train", "--samples", "2000", "--batch-size", "1",
                            "--epochs", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=plain_shell_env())
    assert run.stdout.readline() == b"Epoch 1/100\n"
    run.stdout.close()
    err = run.stderr.read()
    assert run.wait(timeout=60) == 0, err  # stopped at the next line, long before the 100th epoch
    assert err == b""


def test_train_with_a_log_writes_it_whole_after_its_reader_has_left(tmp_path):
    # `epochviz train --csv log.csv | head -n 1`: the log is what was asked for; the run goes on without output.
    log = tmp_path / "log.csv"
    run = subprocess.Popen([sys.executable, "-m", "epochviz", "train", "--samples", "2000", "--batch-size", "100",
                            "--epochs", "30", "--csv", str(log)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=plain_shell_env(), text=True)
    assert run.stdout.readline() == "Epoch 1/30\n"
    run.stdout.close()
    err = run.stderr.read()
    assert run.wait(timeout=60) == 0
    assert err == f"Log of 600 iterations written to {log}\n"
    assert len(log.read_text().splitlines()) == 1 + 20 * 30


def has_full_device() -> bool:
    """True where /dev/full is the device whose every write fails with ENOSPC (Linux)."""
    return os.path.exists("/dev/full") and stat.S_ISCHR(os.stat("/dev/full").st_mode)


@pytest.mark.skipif(not has_full_device(), reason="needs the /dev/full device")
@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=" ".join)
def test_output_to_a_full_device_is_one_line_and_status_1(command):
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "epochviz", *command], stdout=full, stderr=subprocess.PIPE,
                             env=plain_shell_env(), text=True, timeout=60)
    assert run.returncode == 1
    assert run.stderr == "epochviz: error: cannot write the output: the disk is full\n"


FLAGS = ["--samples", "--batch-size", "--epochs", "--lr", "--hidden", "--seed", "--activation", "--dataset"]


@settings(max_examples=150, derandomize=True, deadline=None)
@given(command=st.sampled_from(["schedule", "train"]), flag=st.sampled_from(FLAGS), value=st.text(max_size=40))
def test_any_string_for_any_flag_parses_or_gives_one_line_and_status_2(command, flag, value):
    from epochviz.cli.main import build_parser, check_run, join_negative_values

    argv = join_negative_values([command, "--samples", "10", "--batch-size", "5", flag, value])
    parser = build_parser()
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        try:
            check_run(parser, parser.parse_args(argv))
        except SystemExit as exit_:
            assert exit_.code == 2
            lines = err.getvalue().strip().splitlines()
            assert len(lines) == 1 and "Traceback" not in lines[0] and len(lines[0]) < 400
            return
    assert err.getvalue() == ""


@pytest.mark.parametrize("argv, words", [
    (["--hidden", "3,5", "--screenshot", "x.png"], "--hidden: hidden must be up to 4 equal widths from 1 to 64"),
    (["train", "--hidden", "2000"], "--hidden: must be up to 8 comma-separated widths from 1 to 1024"),
    (["--lr", "-inf"], "got '-inf'"), (["--samples", "-inf"], "got '-inf'"),
    (["schedule", "--samples", "9" * 5000, "--batch-size", "1"], "(5,000 characters)"),
    (["schedule", "--samples", "_1", "--batch-size", "1"], "got '_1'"),
    (["schedule", "--samples", "1__0", "--batch-size", "1"], "got '1__0'"),
    (["train", "--hidden", "16,,16"], "got '16,,16'"), (["train", "--hidden", ","], "got ','"),
    (["schedule", "--samples", "10", "--batch-size", "20", "--drop-last"], "epochviz schedule: error: argument --drop-last"),
    (["train", "--seed", "-1"], "--seed"), (["--lr", "1e308"], "--lr: must be a number from 0.0001 to 100"),
    (["schedule", "--samples", "１２", "--batch-size", "1"], "--samples"),
    (["train", "--seed", "1" + "0" * 25], "--seed: must be a whole number from 0 to 18,446,744,073,709,551,615, got '1"),
    (["train", "--seed", str(2**64)], f"got '{2**64}'"), (["compare", "--seed", str(2**64)], "--seed"),
    (["--seconds", "5"], "argument --seconds: goes with --record"),
    (["--seconds", "5", "--screenshot", "x.png"], "argument --seconds: goes with --record"),
    (["--fps", "5"], "argument --fps: goes with --record"),
    (["--phase", "forward", "--compare", "1,32", "--screenshot", "x.png"], "argument --phase: not with --compare"),
    (["--scale", "150%%"], "got '150%%'"), (["--scale", "%"], "got '%'"),
    (["--lr", "100.0000001"], "--lr: must be a number from 0.0001 to 100, got '100.0000001'"),
    (["--lr", "0.00009999999"], "got '0.00009999999'"), (["--samples", "500,000"], "got '500,000'"),
])
def test_each_bad_value_gets_one_line_that_names_it(capsys, argv, words):
    with pytest.raises(SystemExit) as info:
        main(argv)
    err = capsys.readouterr().err
    assert info.value.code == 2 and len(err.strip().splitlines()) == 1 and len(err) < 400
    assert words in err


@pytest.mark.parametrize("seed", [0, 2**63 - 1, 2**63, 10**19, 2**64 - 1])
def test_a_seed_is_the_number_typed_up_to_64_bits(seed):
    from epochviz.cli.main import build_parser

    assert build_parser().parse_args(["train", "--seed", str(seed)]).seed == seed


def test_seeds_of_20_digits_give_runs_of_their_own(capsys):
    losses = []
    for seed in (2**63, 2**64 - 1):  # both read as 2**63 once
        losses.append(run(capsys, "train", "--samples", "100", "--batch-size", "100", "--epochs", "1", "--seed",
                          str(seed))[1].split(" - ", 1)[1])
    assert losses[0] != losses[1]


@pytest.mark.parametrize("value, scale", [("150%", 1.5), (" 150 % ", 1.5), ("2", 2.0), ("75%", 0.75)])
def test_a_scale_takes_one_percent_sign(value, scale):
    from epochviz.cli.main import build_parser

    assert build_parser().parse_args(["--scale", value]).scale == pytest.approx(scale)


def test_one_of_everything_is_singular():
    out = subprocess.run([sys.executable, "-m", "epochviz", "schedule", "--samples", "1", "--batch-size", "1"],
                         capture_output=True, text=True, check=True).stdout
    assert "1 sample, batch size 1, 1 epoch" in out and "= 1 sample " in out and "1 weight update " in out
    assert "samples (" not in out


def test_a_run_that_cannot_fit_in_memory_is_refused_before_it_starts(monkeypatch, capsys):
    from epochviz.core import run_memory

    monkeypatch.setattr(run_memory, "available_bytes", lambda: 500 * 10**6)
    monkeypatch.setattr(run_memory, "resident_bytes", lambda: 40 * 10**6)  # a fresh process, not pytest's
    assert main(["train", "--samples", "100000", "--batch-size", "100000", "--hidden", "1024,1024"]) == 2
    err = capsys.readouterr().err
    assert "needs about" in err and "would fit" in err and len(err.strip().splitlines()) == 1


def test_schedule_with_accumulation_shows_passes_updates_and_the_effective_batch(capsys):
    code, out, _ = run(capsys, "schedule", "--samples", "2000", "--batch-size", "8", "--accumulate", "4")
    assert code == 0
    assert "forward passes per epoch = ceil(2000 / 8) = 250" in out
    assert "updates per epoch        = ceil(250 / 4) = 63" in out
    assert "effective batch          = 4 x 8 = 32" in out


def test_schedule_json_counts_passes_and_updates(capsys):
    _, out, _ = run(capsys, "schedule", "--samples", "2000", "--batch-size", "8", "--accumulate", "4", "--json")
    facts = json.loads(out)
    assert (facts["forward_passes_per_epoch"], facts["updates_per_epoch"], facts["effective_batch_size"]) == (250, 63, 32)
    _, out, _ = run(capsys, "schedule", "--samples", "2000", "--batch-size", "8", "--json")
    facts = json.loads(out)
    assert facts["updates_per_epoch"] == facts["iterations_per_epoch"] == 250 and facts["effective_batch_size"] == 8


def test_train_with_accumulation_counts_updates(capsys):
    code, out, _ = run(capsys, "train", "--samples", "300", "--batch-size", "10", "--accumulate", "3", "--epochs", "1")
    assert code == 0
    assert out.splitlines()[1].startswith("10/10 ")  # ceil(ceil(300 / 10) / 3) updates


def test_compare_json_has_one_entry_per_run_in_order(capsys):
    code, out, _ = run(capsys, "compare", "--samples", "400", "--batch-sizes", "1,32,full", "--epochs", "2",
                       "--accumulate", "2", "--json")
    assert code == 0
    runs = json.loads(out)["runs"]
    assert [r["batch_size"] for r in runs] == [1, 32, 400]
    assert [r["updates_per_epoch"] for r in runs] == [200, 7, 1]
    assert [r["forward_passes_per_epoch"] for r in runs] == [400, 13, 1]
    assert [r["effective_batch_size"] for r in runs] == [2, 64, 400]
    for r in runs:
        assert r["total_updates"] == 2 * r["updates_per_epoch"] and len(r["epoch_losses"]) == 2
        assert r["final_loss"] == r["epoch_losses"][-1] and 0 <= r["final_accuracy"] <= 1
        assert r["samples_per_s"] > 0 and r["seconds_per_epoch"] > 0 and r["accumulate"] == 2


def test_compare_scales_the_learning_rate_when_asked(capsys):
    _, out, _ = run(capsys, "compare", "--samples", "400", "--batch-sizes", "10,40", "--epochs", "1",
                    "--lr", "0.01", "--scale-lr", "--json")
    assert [r["lr"] for r in json.loads(out)["runs"]] == pytest.approx([0.01, 0.04])


def test_compare_takes_a_learning_rate_rule_the_square_root_one_by_default(capsys):
    argv = ["compare", "--samples", "400", "--batch-sizes", "1,32,full", "--epochs", "1", "--lr", "0.3", "--json"]
    rates = {rule: [r["lr"] for r in json.loads(run(capsys, *argv, *extra)[1])["runs"]]
             for rule, extra in (("sqrt", []), ("same", ["--lr-rule", "same"]), ("linear", ["--lr-rule", "linear"]))}
    assert rates["sqrt"] == pytest.approx([0.3 / 32**0.5, 0.3, 1.0])  # x sqrt(B / 32), at most 1
    assert rates["same"] == [0.3] * 3 and rates["linear"] == pytest.approx([0.3, 9.6, 120])


def test_compare_says_in_plain_words_which_run_diverged_or_got_worse(capsys):
    code, out, _ = run(capsys, "compare", "--samples", "200", "--batch-sizes", "1,full", "--epochs", "2", "--lr", "10",
                       "--lr-rule", "same")
    assert code == 0
    assert "B = 1 diverged: its loss became infinite. Its learning rate 10 is too large for this batch size." in out
    assert "B = 200 is worse than it began: whole-dataset loss 4.337 after epoch 2, 1.219 before training." in out
    _, out, _ = run(capsys, "compare", "--samples", "200", "--batch-sizes", "1,full", "--epochs", "2", "--lr", "10",
                    "--lr-rule", "same", "--json")
    assert [(r["verdict"], r["diverged"]) for r in json.loads(out)["runs"]] == [("diverged", True), ("worse", False)]


def test_compare_prints_a_line_per_run_and_the_table(capsys):
    code, out, _ = run(capsys, "compare", "--samples", "300", "--batch-sizes", "1,300", "--epochs", "1")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("B=1 · 300 it/epoch · lr 0.053  300/300 updates")
    assert lines[1].startswith("B=300 (N) · 1 it/epoch · lr 0.919  1/1 updates")
    header = next(line for line in lines if "samples/s" in line)
    assert header.split() == ["B", "it/epoch", "updates", "ms/it", "samples/s", "s/epoch", "memory/it",
                              "loss", "accuracy"]


@pytest.mark.parametrize("argv, flag", [
    (["compare", "--batch-sizes", "1"], "--batch-sizes"),
    (["compare", "--batch-sizes", "1,2,3,4,5"], "--batch-sizes"),
    (["compare", "--batch-sizes", "1,zero"], "--batch-sizes"),
    (["compare", "--accumulate", "0"], "--accumulate"),
    (["schedule", "--samples", "10", "--batch-size", "2", "--accumulate", "-1"], "--accumulate"),
])
def test_bad_compare_values_exit_2_naming_the_flag(capsys, argv, flag):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and flag in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("argv", [["--screenshot", "{name}.png"], ["--export-chart", "{name}.svg"],
                                  ["--record", "{name}.gif"], ["train", "--csv", "{name}.csv"],
                                  ["--screenshot", "{name}/chart.png"]])
def test_a_file_name_over_255_bytes_is_one_line_and_status_2(capsys, tmp_path, argv):
    name = str(tmp_path / ("ü" * 130))  # 260 bytes in UTF-8
    with pytest.raises(SystemExit) as info:
        main([word.format(name=name) for word in argv] + ["--lang", "en"])
    err = capsys.readouterr().err
    assert info.value.code == 2 and len(err.strip().splitlines()) == 1
    assert "bytes; a file or folder name has at most 255" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs a FIFO")
def test_a_scene_that_is_a_fifo_is_refused_at_once_in_one_line(tmp_path):
    """Opening a FIFO waits for a writer: the argument check hung before the window was made."""
    import os

    fifo = tmp_path / "scene.json"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "epochviz", "--lang", "en", "--scene", str(fifo), "--screenshot",
                             str(tmp_path / "o.png")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"epochviz: error: argument --scene: cannot read {fifo}: not a regular file"]


def test_a_recording_name_over_255_bytes_exits_2_with_one_line_before_anything_starts(tmp_path):
    name = tmp_path / ("r" * 300 + ".gif")
    result = subprocess.run([sys.executable, "-m", "epochviz", "--lang", "en", "--record", str(name), "--seconds", "1"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1
    assert "has a name of 304 bytes; a file or folder name has at most 255" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_compare_table_keeps_one_line_per_run_on_a_narrow_terminal(monkeypatch):
    from epochviz.cli.compare import format_table
    from epochviz.core.compare import RunTally, summary
    from epochviz.core.run_config import RunConfig

    monkeypatch.setenv("COLUMNS", "20")  # rich would fit a table to the terminal: this one is never squeezed
    lines = format_table([summary(RunConfig(samples=100, batch_size=b), RunTally()) for b in (1, 100)]).splitlines()
    assert len(lines) == 3 and all(len(line) > 20 and line == line.rstrip() for line in lines)
    assert lines[0].split() == ["B", "it/epoch", "updates", "ms/it", "samples/s", "s/epoch", "memory/it", "loss",
                                "accuracy"]


def test_ctrl_c_while_the_command_is_still_loading_exits_130_without_a_traceback(monkeypatch, capsys):
    """A Ctrl+C in the first moments, while numpy and Qt load, printed a KeyboardInterrupt traceback."""
    import sys

    from epochviz.cli import start

    class InterruptedLoading:
        def find_spec(self, name, path=None, target=None):
            if name == "epochviz.cli.main":
                raise KeyboardInterrupt
            return None

    monkeypatch.delitem(sys.modules, "epochviz.cli.main")
    monkeypatch.setattr(sys, "meta_path", [InterruptedLoading(), *sys.meta_path])
    assert start.main() == 130
    assert capsys.readouterr().err == ""


def test_the_console_script_and_python_m_start_at_the_light_door():
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    scripts = tomllib.loads((root / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts == {"epochviz": "epochviz.cli.start:main"}
    assert "from epochviz.cli.start import main" in (root / "epochviz" / "__main__.py").read_text()

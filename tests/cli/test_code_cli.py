"""``epochviz code``: the script of a set-up on stdout or in a file, and one-line errors."""

import re
import subprocess
import sys

import pytest

from epochviz.cli.main import main
from epochviz.core.code.listing import script
from epochviz.core.engine.session import RunConfig
from tests.core.test_code_listing import epoch_losses, expected_counts, printed_counts

ONE_RUN = ["--samples", "203", "--batch-size", "20", "--epochs", "2", "--lr", "0.2", "--accumulate", "3",
           "--hidden", "8,4", "--activation", "relu", "--seed", "3", "--drop-last", "--no-shuffle", "--dataset", "xor"]
ONE_CONFIG = RunConfig(dataset="xor", samples=203, batch_size=20, epochs=2, lr=0.2, accumulate=3, hidden=(8, 4),
                       activation="relu", seed=3, drop_last=True, shuffle=False)


def epochviz(*argv, check=True):
    return subprocess.run([sys.executable, "-m", "epochviz", *argv], capture_output=True, text=True, check=check,
                          timeout=60)


def test_code_prints_the_script_of_the_flags(capsys):
    for style in ("pytorch", "keras", "numpy"):
        assert main(["code", "--style", style, *ONE_RUN]) == 0
        assert capsys.readouterr().out == script(ONE_CONFIG, style)
    assert main(["code", *ONE_RUN]) == 0
    assert capsys.readouterr().out == script(ONE_CONFIG, "pytorch")  # the default style


def test_the_printed_numpy_script_runs_alone_and_counts_as_schedule(tmp_path, capsys):
    printed = epochviz("code", "--style", "numpy", *ONE_RUN).stdout
    path = tmp_path / "handout.py"
    path.write_text(printed, encoding="utf-8")
    out = subprocess.run([sys.executable, "-I", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    assert printed_counts(out) == expected_counts(ONE_CONFIG, capsys)
    assert len(epoch_losses(out)) == 2


def test_output_writes_the_script_to_a_file_and_says_where(tmp_path, capsys):
    target = tmp_path / "train.py"
    assert main(["code", "--style", "numpy", *ONE_RUN, "-o", str(target)]) == 0
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err == f"Script written to {target}\n"
    assert target.read_text(encoding="utf-8") == script(ONE_CONFIG, "numpy")
    assert [p.name for p in tmp_path.iterdir()] == ["train.py"]  # no temporary file left behind


def test_a_file_that_cannot_be_written_is_one_line_status_1_and_the_old_file_stays(tmp_path):
    # A full disk at the moment the script is moved into place, in a real process.
    target = tmp_path / "train.py"
    target.write_text("old\n", encoding="utf-8")
    fail = ("import errno, os, sys\n"
            "def full(*args): raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
            "os.replace = full\n"
            "from epochviz.cli.main import main\n"
            f"sys.exit(main(['code', '--style', 'numpy', '-o', {str(target)!r}]))\n")
    run = subprocess.run([sys.executable, "-c", fail], capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.count("\n") == 1 and run.stderr.startswith(f"epochviz code: error: cannot write {target}")
    assert run.stderr.endswith(": the disk is full\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["train.py"]


@pytest.mark.parametrize("argv, words", [
    (["--style", "julia"], "argument --style: invalid choice: 'julia'"),
    (["-o", "notes.txt"], "argument -o/--output: the name must end in .py, got 'notes.txt'"),
    (["--samples", "10", "--batch-size", "20", "--drop-last"], "argument --drop-last: with --batch-size 20 above"),
    (["--samples", "2,000,000"], "argument --samples: must be a whole number from 10 to 1,000,000, got '2,000,000'"),
    (["--hidden", "8,x"], "argument --hidden: must be up to 8 comma-separated widths"),
])
def test_bad_flags_are_one_line_with_status_2(argv, words):
    run = epochviz("code", *argv, check=False)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("epochviz code: error: ")
    assert words in run.stderr


def test_the_messages_speak_chinese_and_the_script_stays_english(tmp_path):
    target = tmp_path / "train.py"
    run = epochviz("code", "--style", "numpy", "-o", str(target), "--lang", "zh_CN")
    assert run.stderr == f"脚本已写入 {target}\n"
    assert not re.search(r"[\u4e00-\u9fff]", target.read_text(encoding="utf-8"))
    help_text = epochviz("code", "--help", "--lang", "zh_CN").stdout
    assert "pytorch" in help_text and "训练循环" in epochviz("--help", "--lang", "zh_CN").stdout

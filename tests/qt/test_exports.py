"""Exports from the window: the chart as PNG (1x, 2x) and SVG, the window as PNG, the log as CSV."""

import csv
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QImage

from epochviz.core.run_log import ExportError
from epochviz.qt.window.exports import export_chart, export_log, export_window
from tests.qt.conftest import wait_for_iterations


@pytest.fixture
def trained(make_window, qtbot):
    window = make_window(samples=200, batch_size=30, epochs=3)
    window.step_epoch()
    wait_for_iterations(qtbot, window, 7)
    window.run_iterations(3)
    wait_for_iterations(qtbot, window, 10)
    return window


def test_the_chart_exports_as_png_at_one_and_two_times_and_as_svg(trained, tmp_path):
    one = QImage(str(export_chart(trained.chart, str(tmp_path / "chart.png"))))
    two = QImage(str(export_chart(trained.chart, str(tmp_path / "chart2.png"), scale=2)))
    assert not one.isNull() and two.width() == 2 * one.width() and abs(two.height() - 2 * one.height()) <= 2
    svg = ET.parse(export_chart(trained.chart, str(tmp_path / "chart.svg"))).getroot()
    assert svg.tag.endswith("svg") and len(list(svg.iter())) > 10


def test_the_window_exports_as_png(trained, tmp_path):
    image = QImage(str(export_window(trained, str(tmp_path / "window.png"))))
    assert (image.width(), image.height()) == (trained.width(), trained.height())


def test_the_log_has_every_iteration_and_the_charts_losses(trained, tmp_path):
    rows = list(csv.DictReader(open(export_log(trained.history, trained.chart.epoch_ends, str(tmp_path / "l.csv")))))
    assert len(rows) == trained.last_iteration == 10
    assert [float(r["loss"]) for r in rows] == trained.history.loss.view().tolist()
    assert [r["epoch_loss"] != "" for r in rows] == [g % 7 == 0 for g in range(1, 11)]
    assert float(rows[6]["epoch_loss"]) == trained.chart.epoch_ends[0].loss


def test_the_file_menu_writes_the_log_off_the_gui_thread(trained, tmp_path):
    path = tmp_path / "menu.csv"
    trained.exports.log(str(path))
    assert trained.exports.wait() == path
    assert len(path.read_text().splitlines()) == 11
    assert "Saved" in trained.statusBar().currentMessage()


def test_an_unwritable_path_is_one_line_and_leaves_nothing(trained, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        export_chart(trained.chart, str(tmp_path / "missing" / "chart.png"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["chart.png", "chart.svg"])
def test_export_chart_from_the_command_line_trains_and_writes(tmp_path, name):
    import subprocess
    import sys

    from tests.qt.test_app_cli import subprocess_env

    out = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "epochviz", "--export-chart", str(out), "--samples", "300",
                             "--batch-size", "30", "--iterations", "25"],
                            capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and out.exists()
    if name.endswith(".svg"):
        assert ET.parse(out).getroot().tag.endswith("svg")
    else:
        assert not QImage(str(out)).isNull()


def test_train_writes_the_csv_log_from_the_command_line(tmp_path, capsys):
    from epochviz.cli.main import main

    out = tmp_path / "log.csv"
    assert main(["train", "--samples", "100", "--batch-size", "30", "--epochs", "2", "--csv", str(out)]) == 0
    rows = list(csv.DictReader(open(out)))
    assert len(rows) == 8 and rows[-1]["epoch_loss"] != "" and rows[0]["epoch_loss"] == ""
    assert "Log of 8 iterations written" in capsys.readouterr().err


def test_a_name_typed_without_its_suffix_gets_it_and_cancel_gives_none(qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from epochviz.qt.window.exports import ask_save_path

    answers = iter([("/tmp/lesson", "PNG"), ("/tmp/lesson.PNG", "PNG"), ("", "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: next(answers))
    assert ask_save_path(None, "Export", "chart.png", "PNG (*.png)") == "/tmp/lesson.png"
    assert ask_save_path(None, "Export", "chart.png", "PNG (*.png)") == "/tmp/lesson.PNG"
    assert ask_save_path(None, "Export", "chart.png", "PNG (*.png)") is None


def _full_disk(monkeypatch):
    """The disk says it is full when asked to keep what was written (as a real one may, at sync)."""
    import errno
    import os

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)


@pytest.mark.parametrize("what, name", [("chart", "chart.png"), ("chart", "chart.svg"), ("window", "window.png"),
                                        ("log", "log.csv")])
def test_an_export_to_a_full_disk_is_one_line_and_leaves_no_file(trained, tmp_path, monkeypatch, what, name):
    path = str(tmp_path / name)
    write = {"chart": lambda: export_chart(trained.chart, path), "window": lambda: export_window(trained, path),
             "log": lambda: export_log(trained.history, trained.chart.epoch_ends, path)}[what]
    _full_disk(monkeypatch)
    with pytest.raises(ExportError) as info:
        write()
    assert str(info.value) == f"cannot write {path}: the disk is full"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("what", ["chart", "window"])
def test_a_png_qt_cannot_encode_is_one_line_and_leaves_no_file(trained, tmp_path, monkeypatch, what):
    path = str(tmp_path / "picture.png")
    monkeypatch.setattr(QImage, "save", lambda *args: False)
    with pytest.raises(ExportError, match="could not be made as PNG"):
        export_chart(trained.chart, path) if what == "chart" else export_window(trained, path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["chart.png", "chart.svg"])
def test_export_chart_to_a_disk_that_fills_up_exits_1_with_one_line_and_no_file(tmp_path, name):
    """Files above 4 kB cannot be written (RLIMIT_FSIZE): the export must notice, as on a full disk."""
    import resource
    import subprocess
    import sys

    from tests.qt.test_app_cli import subprocess_env

    def small_files_only():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    out = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "epochviz", "--lang", "en", "--export-chart", str(out),
                             "--samples", "100", "--iterations", "3"], capture_output=True, text=True,
                            env=subprocess_env(), timeout=120, preexec_fn=small_files_only)
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()  # the reason is the C library's words, in its language
    assert line.startswith(f"epochviz: error: cannot write {out}: ")
    assert list(tmp_path.iterdir()) == []

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


def test_the_chart_exports_as_a_1920x1080_slide_by_default_not_the_strip_on_screen(trained, tmp_path):
    trained.resize(1280, 720)  # where the chart on screen is a strip some 840x160
    image = QImage(str(export_chart(trained.chart, str(tmp_path / "chart.png"))))
    assert (image.width(), image.height()) == (1920, 1080)
    assert trained.chart.plot.height() < 400  # drawn afresh for the slide: the window's chart is as it was
    assert image.pixelColor(1919, 1079) == trained.chart.plot.backgroundBrush().color()  # filled to the corner


def test_the_chart_exports_at_a_size_asked_for_and_at_the_windows_aspect(trained, tmp_path):
    from epochviz.qt.window.exports import window_aspect_size

    image = QImage(str(export_chart(trained.chart, str(tmp_path / "small.png"), (1280, 720))))
    assert (image.width(), image.height()) == (1280, 720)
    trained.resize(1024, 768)
    assert window_aspect_size(trained.exports.recorder.window_size()) == (1920, 1440)


def test_an_exported_svg_is_a_1920x1080_slide_too(trained, tmp_path):
    svg = ET.parse(export_chart(trained.chart, str(tmp_path / "chart.svg"))).getroot()
    assert svg.tag.endswith("svg") and len(list(svg.iter())) > 10
    assert svg.get("viewBox") == "0 0 1920 1080"
    width_mm, height_mm = (float(svg.get(side).removesuffix("mm")) for side in ("width", "height"))
    assert round(width_mm / 25.4 * 96) == 1920 and round(height_mm / 25.4 * 96) == 1080  # at the screen's 96 dpi


def test_in_compare_mode_ctrl_e_exports_the_comparison_as_a_slide(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window(samples=200, compare=[4, "full"])
    window.run_iterations(5)
    qtbot.waitUntil(lambda: all(t.updates for t in window.compare.tallies), timeout=15_000)
    drawn = []
    plot = window.compare.view.plot
    monkeypatch.setattr(plot, "redraw", lambda redraw=plot.redraw: drawn.append(True) or redraw())
    monkeypatch.setattr("epochviz.qt.window.exports.ask_save_path", lambda *args: str(tmp_path / "chart.png"))
    window.exports.ask_chart_png()
    assert drawn and QImage(str(tmp_path / "chart.png")).size().toTuple() == (1920, 1080)


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


@pytest.mark.parametrize("name, size, expected", [("chart.png", None, (1920, 1080)), ("chart.svg", None, None),
                                                  ("chart.png", "1280x960", (1280, 960))])
def test_export_chart_from_the_command_line_trains_and_writes_a_slide(tmp_path, name, size, expected):
    import subprocess
    import sys

    from tests.qt.test_app_cli import subprocess_env

    out = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "epochviz", "--export-chart", str(out), "--samples", "300",
                             "--batch-size", "30", "--iterations", "25", *(["--chart-size", size] if size else [])],
                            capture_output=True, text=True, env=subprocess_env(), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and out.exists()
    if name.endswith(".svg"):
        assert ET.parse(out).getroot().get("viewBox") == "0 0 1920 1080"
    else:
        assert QImage(str(out)).size().toTuple() == expected


def test_chart_size_without_export_chart_is_refused_in_one_line(capsys):
    from epochviz.cli.main import main

    with pytest.raises(SystemExit) as info:
        main(["--lang", "en", "--chart-size", "1280x720"])
    assert info.value.code == 2
    assert capsys.readouterr().err.strip().endswith("argument --chart-size: goes with --export-chart")


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


def test_in_compare_mode_the_log_export_says_whose_log_it_is_and_writes_nothing(trained, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr("epochviz.qt.window.exports.ask_save_path", lambda *args: asked.append(args))
    trained.set_compare(True)
    trained.exports.ask_log_csv()
    assert asked == [] and "compare mode" in trained.statusBar().currentMessage()
    trained.set_compare(False)
    trained.exports.ask_log_csv()
    assert len(asked) == 1  # one run on screen: the dialog asks where

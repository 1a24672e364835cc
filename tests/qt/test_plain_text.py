"""Words from a file, a setting or the user are shown as typed, never read as markup (Qt loads <img src=...>)."""

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QTextDocument, Qt  # QtGui's Qt has mightBeRichText too
from PySide6.QtWidgets import QMessageBox

from epochviz.qt.window import messages
from tests.qt.test_app_cli import subprocess_env

PAYLOADS = ['<b>bold</b>', '<a href="https://example.com/">a link</a>', '<img src="/etc/hostname">']


def shown(label) -> str:
    """The words a QLabel shows (its markup read the way Qt reads it)."""
    text, kind = label.text(), label.textFormat()
    if kind == Qt.TextFormat.PlainText or (kind == Qt.TextFormat.AutoText and not Qt.mightBeRichText(text)):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def scene_file(folder, name: str, caption: str, file_name: str = "scene.json"):
    path = folder / file_name
    path.write_text(json.dumps({"name": name, "dataset": "spiral", "samples": 200, "batch_size": 20,
                                "caption": caption}))
    return path


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_scene_s_name_and_caption_show_their_markup_as_typed(window, tmp_path, payload):
    assert window.tour.open_file(str(scene_file(tmp_path, f"name {payload}", f"caption {payload}"))) is None
    words = shown(window.tour.caption)
    assert f"name {payload}" in words and f"caption {payload}" in words


def test_a_caption_s_lines_stay_lines(window, tmp_path):
    assert window.tour.open_file(str(scene_file(tmp_path, "two lines", "first\nsecond <b>"))) is None
    assert shown(window.tour.caption).splitlines()[1:] == ["first", "second <b>"]


def test_a_scene_file_s_name_in_the_open_warning_is_plain_text(window, tmp_path, monkeypatch):
    path = tmp_path / "<b>bold<b>.json"
    path.write_text("not json")
    boxes = []
    monkeypatch.setattr("epochviz.qt.presenting.tour.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: pytest.fail("a warning box that reads markup"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window.tour.ask_open()
    (box,) = boxes
    assert box.textFormat() == Qt.TextFormat.PlainText and "<b>bold<b>.json" in box.text()


def test_the_banner_shows_an_error_s_markup_as_typed(window):
    window.alert.show(lambda: messages.stopped_by_error('<img src="/etc/hostname"> and <b>this</b>'))
    assert '<img src="/etc/hostname"> and <b>this</b>' in shown(window.banner)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_caption_whose_image_is_a_fifo_neither_hangs_nor_loads_it(tmp_path):
    """Qt read <img src=FIFO> as an image and waited for it for ever, in the window's thread."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    tag = f'<img src="{fifo}">'
    scene = scene_file(tmp_path, tag, tag)
    out = tmp_path / "o.png"
    result = subprocess.run(
        [sys.executable, "-m", "epochviz", "--lang", "en", "--scene", str(scene), "--screenshot", str(out),
         "--iterations", "1"], capture_output=True, text=True, env=subprocess_env(), timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 0

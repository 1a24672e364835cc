"""Remembered settings: a round trip, and a store that cannot be used falls back to the defaults."""

import os

import pytest

from epochviz.core.engine.session import RunConfig
from epochviz.qt.window import remembered


@pytest.fixture(autouse=True)
def english():
    """These tests read the notes' English words, whatever the locale or an earlier test chose."""
    from epochviz.text.translations import use_language

    use_language("en")


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv(remembered.ENVIRONMENT, str(tmp_path / "settings.ini"))
    return tmp_path / "settings.ini"


def test_the_set_up_scale_and_tour_position_come_back(make_window, qtbot):
    first = make_window()
    first.tour.show(3)
    first.controls.batch.setValue(50)
    first.flush_settings()
    first.projector.set_scale(1.5)
    first.remembered.remember()
    second = make_window()
    second.remembered.restore(fresh_setup=True, fresh_scale=True)
    qtbot.waitUntil(lambda: second.projector.scale == 1.5)
    assert second.config == first.config and second.config.batch_size == 50
    assert second.tour.index == 3


def test_the_command_line_wins_over_what_was_remembered(make_window):
    first = make_window(samples=1000)
    first.remembered.remember()
    second = make_window(samples=5000)
    second.remembered.restore(fresh_setup=False, fresh_scale=False)
    assert second.config.samples == 5000


@pytest.mark.parametrize("content, words", [
    (b"\x00\xff\xfe garbage [[[ \n\x01", "could not be read"),
    (b"[General]\nsetup=\"{\\\"name\\\": 5}\"\nscale=huge\n", "could not be used"),
])
def test_a_store_that_cannot_be_used_gives_the_defaults_and_a_note(make_window, own_store, content, words):
    own_store.write_bytes(content)
    window = make_window()
    window.remembered.restore(fresh_setup=True, fresh_scale=True)
    assert window.config == RunConfig()
    assert "Note:" in window.statusBar().currentMessage() and words in window.statusBar().currentMessage()


def test_restore_defaults_forgets_everything(make_window, own_store):
    window = make_window(samples=5000)
    window.remembered.remember()
    assert os.path.getsize(own_store) > 0
    window.projector.restore_defaults()
    assert window.config == RunConfig() and remembered.recall().setup is None


def test_the_theme_comes_back_too(make_window):
    first = make_window()
    first.projector.use_theme("high-contrast")
    first.remembered.remember()
    second = make_window()
    second.remembered.restore(fresh_setup=True, fresh_scale=True)
    assert second.theme == "high-contrast"
    second.projector.use_theme("light")


def test_the_language_chosen_in_the_menu_comes_back(make_window):
    from epochviz.text.translations import use_language

    assert remembered.recall_language() is None  # nothing chosen yet: the locale decides
    window = make_window(language="zh_CN")
    window.remembered.remember()
    assert remembered.recall_language() is None  # a language given at launch is not a choice to keep
    window.languages.switch("zh_CN")
    try:
        window.remembered.remember()
    finally:
        use_language("en")
    assert remembered.recall_language() == "zh_CN"


def test_a_remembered_language_epochviz_does_not_have_is_ignored(own_store):
    own_store.write_text("[General]\nlanguage=klingon\n")
    assert remembered.recall_language() is None


def _store_kinds():
    kinds = ["folder", "file in the way"]
    if os.path.exists("/dev/full"):
        kinds.append("/dev/full")
    return kinds


@pytest.mark.parametrize("kind", _store_kinds())
def test_a_store_that_cannot_be_written_is_noted_once_and_not_used(make_window, tmp_path, monkeypatch, kind):
    if kind == "folder":
        path = tmp_path / "settings.ini"
        path.mkdir()
    elif kind == "file in the way":  # its folder cannot be made, even by root
        (tmp_path / "plain").write_text("")
        path = tmp_path / "plain" / "settings.ini"
    else:
        path = kind
    monkeypatch.setenv(remembered.ENVIRONMENT, str(path))
    window = make_window()
    window.remembered.restore(fresh_setup=True, fresh_scale=True)
    note = window.statusBar().currentMessage()
    assert note.startswith(f"Note: the settings cannot be kept in {path} (") and "nothing will be remembered" in note
    with pytest.raises(OSError, match="cannot be kept"):
        window.remembered.remember()
    assert window.remembered.remember_quietly() is None  # said once, in the status bar: not again at exit
    assert remembered.recall_language() is None
    window.projector.restore_defaults()  # nothing to forget, and no error


def test_a_store_in_a_read_only_place_is_noted(make_window, tmp_path, monkeypatch, own_store):
    monkeypatch.setattr(os, "access", lambda path, mode, **kwargs: not mode & os.W_OK)  # as on a read-only mount
    window = make_window()
    window.remembered.restore(fresh_setup=True, fresh_scale=True)
    assert "(permission denied); nothing will be remembered" in window.statusBar().currentMessage()


def test_a_store_whose_write_fails_at_exit_says_so_in_one_line(make_window, monkeypatch):
    from PySide6.QtCore import QSettings

    window = make_window()
    window.remembered.restore(fresh_setup=True, fresh_scale=True)
    monkeypatch.setattr(QSettings, "status", lambda store: QSettings.Status.AccessError)
    line = window.remembered.remember_quietly()
    assert line and line.startswith("epochviz: the settings could not be saved: ") and "\n" not in line


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_store_that_is_a_fifo_neither_hangs_the_window_nor_is_read(tmp_path):
    """Qt waited for ever for the FIFO's writer, before the window was even made (Ctrl+C could not end it)."""
    import subprocess
    import sys
    import textwrap

    from tests.qt.test_app_cli import subprocess_env

    fifo = tmp_path / "settings.ini"
    os.mkfifo(fifo)
    script = textwrap.dedent("""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from epochviz.app import MainWindow
        from epochviz.cli.main import main

        app = QApplication([])

        def close():
            (window,) = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
            print(window.statusBar().currentMessage())
            window.close()

        QTimer.singleShot(0, close)
        sys.exit(main(["--lang", "en"]))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env=dict(subprocess_env(), EPOCHVIZ_SETTINGS=str(fifo)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (f"Note: the settings cannot be kept in {fifo} (not a regular file); nothing "
                                     "will be remembered.")
    assert result.stderr == ""


def test_gradient_accumulation_comes_back_with_the_set_up(make_window):
    first = make_window(accumulate=4, batch_size=8)
    first.remembered.remember()
    second = make_window()
    second.remembered.restore(fresh_setup=True, fresh_scale=False)
    assert second.config.accumulate == 4 and second.controls.accumulate.value() == 4

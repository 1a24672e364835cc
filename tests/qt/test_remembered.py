"""Remembered settings: a round trip, and a store that cannot be used falls back to the defaults."""

import os

import pytest

from epochviz.core.session import RunConfig
from epochviz.qt import remembered
from epochviz.qt.remembered import remember, restore


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
    remember(first)
    second = make_window()
    restore(second, fresh_setup=True, fresh_scale=True)
    qtbot.waitUntil(lambda: second.projector.scale == 1.5)
    assert second.config == first.config and second.config.batch_size == 50
    assert second.tour.index == 3


def test_the_command_line_wins_over_what_was_remembered(make_window):
    first = make_window(samples=1000)
    remember(first)
    second = make_window(samples=5000)
    restore(second, fresh_setup=False, fresh_scale=False)
    assert second.config.samples == 5000


@pytest.mark.parametrize("content, words", [
    (b"\x00\xff\xfe garbage [[[ \n\x01", "could not be read"),
    (b"[General]\nsetup=\"{\\\"name\\\": 5}\"\nscale=huge\n", "could not be used"),
])
def test_a_store_that_cannot_be_used_gives_the_defaults_and_a_note(make_window, own_store, content, words):
    own_store.write_bytes(content)
    window = make_window()
    restore(window, fresh_setup=True, fresh_scale=True)
    assert window.config == RunConfig()
    assert "Note:" in window.statusBar().currentMessage() and words in window.statusBar().currentMessage()


def test_restore_defaults_forgets_everything(make_window, own_store):
    window = make_window(samples=5000)
    remember(window)
    assert os.path.getsize(own_store) > 0
    window.projector.restore_defaults()
    assert window.config == RunConfig() and remembered.recall().setup is None


def test_the_theme_comes_back_too(make_window):
    first = make_window()
    first.projector.use_theme("high-contrast")
    remember(first)
    second = make_window()
    restore(second, fresh_setup=True, fresh_scale=True)
    assert second.theme == "high-contrast"
    second.projector.use_theme("light")


def test_the_language_chosen_in_the_menu_comes_back(make_window):
    from epochviz.translations import use_language

    assert remembered.recall_language() is None  # nothing chosen yet: the locale decides
    window = make_window(language="zh_CN")
    remember(window)
    assert remembered.recall_language() is None  # a language given at launch is not a choice to keep
    window.languages.switch("zh_CN")
    try:
        remember(window)
    finally:
        use_language("en")
    assert remembered.recall_language() == "zh_CN"


def test_a_remembered_language_epochviz_does_not_have_is_ignored(own_store):
    own_store.write_text("[General]\nlanguage=klingon\n")
    assert remembered.recall_language() is None

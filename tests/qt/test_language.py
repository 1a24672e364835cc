"""The Language menu: the window worded in Chinese and back in place, while it trains."""

import os
import re
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QGroupBox, QLabel, QWidget

from epochviz.text.translations import current_language, use_language
from tests.qt.conftest import readout, wait_for_iterations

CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def english_afterwards():
    """The language is the application's: every test leaves it English, as it found it."""
    yield
    use_language("en")


def words(window) -> dict[str, str]:
    """A sample of every kind of text the window shows, by where it is."""
    c, chart = window.controls, window.chart.plot.getPlotItem()
    compare = window.compare.view
    texts = {
        "title": window.windowTitle(),
        "readout": readout(window),
        "group": c.groups["schedule"].title(),
        "row label": c.row_labels["batch"].text(),
        "button": c.play.text(),
        "check box": c.shuffle.text(),
        "tooltip": c.batch.toolTip(),
        "combo item": c.dataset.itemText(0),
        "spin suffix": c.accumulate.specialValueText(),
        "speed value": c.speed.label.text(),
        "memory sentence": c.memory.text.text(),
        "glossary": window.glossary.text.text(),
        "epoch bar": window.progress.epoch.format(),
        "counter": window.progress.global_label.text(),
        "phase caption": window.views.caption.text(),
        "dataset counts": window.views.dataset.counts.text(),
        "chart x title": chart.getAxis("bottom").labelText,
        "chart y title": chart.getAxis("left").labelText,
        "chart legend": window.chart.legend.text(),
        "chart axis menu": window.chart.axis.currentText(),
        "menus": " | ".join(a.text() for a in window.menuBar().actions()),
        "file menu": " | ".join(a.text() for a in window.exports.menu.actions()),
        "compare toggle": window.layout_parts.compare_toggle.text(),
        "compare header": window.compare.view.table.horizontalHeaderItem(0).text(),
        "compare x title": compare.plot.getPlotItem().getAxis("bottom").labelText,
        "compare add": compare.add.text(),
        "scene caption": window.tour.caption.text(),
        "accessible name": window.findChild(QWidget, "batchSizeSliderBox").accessibleName(),
        "chart's accessible name": window.chart.plot.accessibleName(),
    }
    return texts


def test_switching_to_chinese_and_back_restores_every_word(make_window, qtbot):
    window = make_window(samples=10_000, batch_size=10)
    window.tour.show(1)  # a scene's caption on show
    window.run_iterations(3)
    wait_for_iterations(qtbot, window, 3)
    english = words(window)

    window.languages.switch("zh_CN")
    window.present()
    chinese = words(window)
    assert current_language() == "zh_CN"
    for where, text in chinese.items():
        assert CJK.search(text), f"{where} is not in Chinese: {text!r}"
        assert text != english[where], where
    assert "每轮迭代次数 = ceil(10,000 / 10) = 1,000" in chinese["readout"]
    assert "轮次 (epoch)" in chinese["epoch bar"]  # the English term beside the Chinese one

    window.languages.switch("en")
    window.present()
    assert words(window) == english



def test_a_window_made_after_a_switch_follows_the_switch_back_made_in_another(make_window):
    first = make_window(samples=500, batch_size=10)
    first.languages.switch("zh_CN")
    second = make_window(samples=500, batch_size=10)  # no language= : the one in use, Chinese
    assert second.controls.play.text() == "▶ 开始"
    first.languages.switch("en")  # only the first window's menu: Qt tells every window
    second.present()
    assert {where: text for where, text in words(second).items() if CJK.search(text)} == {}
    assert [a.text() for a in second.languages.menu.actions() if a.isChecked()] == ["English"]


def test_a_part_made_after_a_switch_words_itself_again(make_window, qtbot):
    from epochviz.qt.panel.glossary import GlossaryCard

    window = make_window(samples=500, batch_size=10)
    window.languages.switch("zh_CN")
    card = GlossaryCard()  # a part no list of the window's knows
    qtbot.addWidget(card)
    assert CJK.search(card.title())
    window.languages.switch("en")
    assert card.title() == "The three words"


def test_the_window_follows_a_language_set_outside_its_menu(make_window, qtbot):
    from PySide6.QtWidgets import QApplication

    window = make_window(samples=500, batch_size=10)
    use_language("zh_CN")  # a script's choice: Qt posts LanguageChange, delivered by the event loop
    QApplication.processEvents()
    assert window.controls.play.text() == "▶ 开始" and CJK.search(window.windowTitle())
    use_language("en")
    QApplication.processEvents()
    assert window.controls.play.text() == "▶ Play"


def test_a_switch_says_which_language_is_now_in_use(make_window, qtbot):
    window = make_window(samples=500, batch_size=10)
    with qtbot.waitSignal(window.languages.language_changed) as said:
        window.languages.switch("zh_CN")
    assert said.args == ["zh_CN"] and window.statusBar().currentMessage() == "语言：中文"

def test_training_goes_on_while_the_language_changes(make_window, qtbot):
    window = make_window(samples=2000, batch_size=10, epochs=50)
    window.controls.speed.setValue(200)
    window.play()
    wait_for_iterations(qtbot, window, 2)
    run_id, before = window.run_id, window.last_iteration
    window.languages.switch("zh_CN")
    assert window.playing and window.run_id == run_id
    wait_for_iterations(qtbot, window, before + 5)
    assert window.controls.play.text() == "❚❚ 暂停"
    assert "语言" in window.statusBar().currentMessage()


def test_a_window_opened_in_chinese_says_so_in_its_language_menu(make_window):
    window = make_window(language="zh_CN", samples=500, batch_size=10)
    checked = [a.text() for a in window.languages.menu.actions() if a.isChecked()]
    assert checked == ["中文"]
    assert window.controls.row_labels["batch"].text() == "批大小 (batch size) B"


def test_without_a_chinese_font_the_window_stays_english_and_says_why(make_window, monkeypatch, capsys):
    monkeypatch.setattr("epochviz.qt.look.language.can_show_chinese", lambda: False)
    window = make_window(language="zh_CN", samples=500, batch_size=10)
    assert current_language() == "en"
    assert window.controls.play.text() == "▶ Play"
    assert "No font here can show Chinese" in window.statusBar().currentMessage()
    assert capsys.readouterr().err.count("fonts-wqy-microhei") == 1


def test_an_unknown_language_is_refused_before_anything_starts(qtbot):
    from epochviz.app import MainWindow

    with pytest.raises(ValueError, match="language must be one of en, zh_CN"):
        MainWindow(language="fr")


def test_a_chinese_diverged_banner_is_worded_again_in_english(make_window, qtbot):
    window = make_window(language="zh_CN", samples=500, batch_size=10, lr=10.0, epochs=50)
    window.play()
    qtbot.waitUntil(lambda: window.state == "diverged", timeout=15_000)
    assert "发散" in window.banner.text()
    window.languages.switch("en")
    assert window.banner.text().startswith("Training diverged at iteration")


def test_the_overview_dialog_follows_the_language(make_window):
    window = make_window(samples=500, batch_size=10)
    window.projector.show_overview()
    text = window.projector.overview.findChild(QLabel).text()
    window.languages.switch("zh_CN")
    chinese = window.projector.overview.findChild(QLabel).text()
    assert "轮次 (epoch)" in chinese and "时代" not in chinese
    window.languages.switch("en")
    assert window.projector.overview.findChild(QLabel).text() == text
    window.projector.overview.close()


def test_every_group_box_has_a_chinese_title(make_window):
    window = make_window(language="zh_CN", samples=500, batch_size=10)
    titles = [box.title() for box in window.findChildren(QGroupBox)]
    assert titles and all(CJK.search(t) for t in titles)


def test_a_scene_file_that_cannot_be_used_is_refused_in_chinese(make_window, tmp_path):
    window = make_window(language="zh_CN", samples=500, batch_size=10)
    bad = tmp_path / "lesson.json"
    bad.write_text("[1, 2]")
    assert window.tour.open_file(str(bad)) == "lesson.json：场景必须是一个 JSON 对象（{...}）"


def test_qts_own_dialogs_follow_the_language(make_window):
    from PySide6.QtCore import QCoreApplication

    window = make_window(language="zh_CN", samples=500, batch_size=10)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase_zh_CN, for file dialogs
    window.languages.switch("en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_restore_defaults_follows_the_locale_again(make_window, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    window = make_window(samples=500, batch_size=10)
    window.languages.switch("zh_CN")
    window.projector.restore_defaults()
    assert current_language() == "en" and window.languages.chosen is None
    assert window.controls.play.text() == "▶ Play"


def clipped(window) -> list[str]:
    """Buttons, check boxes, combo boxes and one-line labels narrower than their text needs."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QToolButton

    found = [f"{type(w).__name__} {w.objectName()}" for kind in (QPushButton, QCheckBox, QToolButton, QComboBox)
             for w in window.findChildren(kind)
             if w.isVisibleTo(window) and w.width() < w.minimumSizeHint().width()]
    return found + [f"QLabel {label.text()[:40]!r}" for label in window.findChildren(QLabel)
                    if label.isVisibleTo(window) and not label.wordWrap() and label.text()
                    and label.width() < label.minimumSizeHint().width()]


@pytest.mark.parametrize("size", [(1280, 720), (1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_text_is_clipped_in_either_language(make_window, qtbot, language, size):
    from PySide6.QtWidgets import QApplication

    window = make_window(language=language, samples=10_000, batch_size=10)
    window.resize(*size)
    window.layout_parts.share_width(window)
    QApplication.processEvents()
    assert clipped(window) == []
    window.set_compare(True)
    QApplication.processEvents()
    assert clipped(window) == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_text_is_clipped_after_switching_the_language(make_window, language):
    from PySide6.QtWidgets import QApplication

    window = make_window(language="en" if language == "zh_CN" else "zh_CN", samples=10_000, batch_size=10)
    window.resize(1280, 720)
    window.layout_parts.share_width(window)
    QApplication.processEvents()
    window.languages.switch(language)  # longer words, or shorter
    QApplication.processEvents()
    assert clipped(window) == []


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_columns_fit_the_new_words_as_soon_as_the_language_switches(make_window, language):
    from PySide6.QtWidgets import QApplication

    window = make_window(language="en" if language == "zh_CN" else "zh_CN", samples=10_000, batch_size=10)
    window.resize(800, 600)  # narrow: the readout takes another line in English
    window.layout_parts.share_width(window)
    QApplication.processEvents()
    window.languages.switch(language)
    parts = window.layout_parts
    fitted = fitted_sizes(window)
    parts.fit_controls()
    parts.column.fit_labels()
    assert fitted_sizes(window) == fitted  # the switch left nothing to fit


def fitted_sizes(window) -> list[int]:
    """The controls column's minimum width and the results column's labels' minimum heights."""
    parts = window.layout_parts
    return [parts.controls_area.minimumWidth()] + [label.minimumHeight() for label in parts.column.findChildren(QLabel)]

_SCRIPT = textwrap.dedent("""
    from PySide6.QtWidgets import QApplication
    from epochviz.app import MainWindow
    from epochviz.text.translations import current_language
    app = QApplication([])
    window = MainWindow({keywords})
    print(current_language(), window.controls.play.text())
    window.shutdown()
""")


@pytest.mark.parametrize("locale, keywords, remembered, expected", [
    ("zh_CN.UTF-8", "", None, "zh_CN ▶ 开始"),  # a script's window follows the locale, as `epochviz` does
    ("zh_CN.UTF-8", "language='en'", None, "en ▶ Play"),  # unless told
    ("zh_CN.UTF-8", "", "en", "en ▶ Play"),  # or a language was chosen in the menu and remembered
    ("C.UTF-8", "", "zh_CN", "zh_CN ▶ 开始"),
], ids=["the locale", "language=", "remembered en", "remembered zh_CN"])
def test_a_script_s_window_speaks_the_locale_s_language_unless_told_otherwise(tmp_path, locale, keywords,
                                                                                remembered, expected):
    settings = tmp_path / "settings.ini"
    if remembered:
        settings.write_text(f"[General]\nlanguage={remembered}\n")
    env = dict(os.environ, LANG=locale, EPOCHVIZ_SETTINGS=str(settings), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", _SCRIPT.format(keywords=keywords)], capture_output=True,
                            text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_a_language_chosen_before_the_application_existed_can_be_switched_in_the_window(tmp_path):
    script = textwrap.dedent("""
        from epochviz.text.translations import use_language
        use_language("zh_CN")  # a script's choice, before there is a QApplication to tell
        from PySide6.QtWidgets import QApplication
        from epochviz.app import MainWindow
        app = QApplication([])
        window = MainWindow(samples=500, batch_size=10, backend="thread")
        before = window.controls.play.text()
        window.languages.switch("en")
        print(before, "|", window.controls.play.text())
        window.shutdown()
    """)
    env = dict(os.environ, EPOCHVIZ_SETTINGS=str(tmp_path / "settings.ini"), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "▶ 开始 | ▶ Play"

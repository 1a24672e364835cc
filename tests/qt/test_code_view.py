"""The code view: the training loop of the window's set-up, the line that runs, its live values, and its script."""

import re
import subprocess
import sys

import pytest
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QWidget

from epochviz.core.code.listing import STYLES, listing
from epochviz.core.engine.session import RunConfig
from epochviz.core.phases import IDLE, PHASES
from epochviz.qt.presenting.projector import shortcuts
from epochviz.qt.views.code_highlighter import CODE_COLOURS, python_spans
from epochviz.text.translations import use_language
from tests.qt.conftest import wait_for_iterations

CJK = re.compile("[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def english_afterwards():
    """The language is the application's: every test leaves it English."""
    yield
    use_language("en")


def code_of(window):
    """The code view of ``window``, shown."""
    window.code.set_shown(True)
    return window.layout_parts.code


def shown_lines(view):
    return view.text.toPlainText().split("\n")


def test_view_code_shows_the_code_beside_the_lesson_and_hides_it_again(make_window):
    window = make_window(samples=100, batch_size=10)
    parts = window.layout_parts
    assert not parts.code.isVisible() and parts.chart.isVisible()
    window.code.toggle.trigger()  # View > Code
    assert parts.code.isVisible() and parts.chart.isVisible() and parts.views.isVisible()
    assert parts.code.height() > 100 and parts.code.width() > 100
    assert window.findChild(QWidget, "codeView") is parts.code and parts.code.accessibleName()
    window.code.toggle.trigger()
    assert not parts.code.isVisible() and parts.chart.isVisible() and parts.chart.height() > 100


def test_the_code_keys_are_in_the_overview_and_no_other_action_has_them(make_window):
    window = make_window()
    assert window.code.toggle.shortcut() == QKeySequence("Ctrl+Shift+C")
    assert window.code.save.shortcut() == QKeySequence("Ctrl+Shift+S")
    keys = [s for action in window.findChildren(QAction) for s in action.shortcuts()]
    keys += [shortcut.key() for shortcut in window.findChildren(QShortcut)]
    for wanted in ("Ctrl+Shift+C", "Ctrl+Shift+S"):
        assert keys.count(QKeySequence(wanted)) == 1, wanted
        assert wanted in dict(shortcuts())
    assert window.code.toggle in window.projector.menu.actions()
    assert window.code.save in window.exports.menu.actions()


def test_the_view_shows_the_current_settings_and_follows_a_change(make_window):
    window = make_window(samples=1000, batch_size=10, epochs=5, lr=0.3)
    view = code_of(window)
    text = view.text.toPlainText()
    for line in ("N = 1000", "B = 10", "E = 5", "LR = 0.3",
                 "loader = DataLoader(dataset, batch_size=B, shuffle=True, drop_last=False)"):
        assert line in text, line
    window.use_config(window.config.with_changes(samples=1003, batch_size=32, epochs=3, lr=0.05, shuffle=False,
                                                 drop_last=True, accumulate=2, hidden=(8, 8, 8)))
    text = view.text.toPlainText()
    for line in ("N = 1003", "B = 32", "E = 3", "K = 2", "LR = 0.05", "nn.Linear(8, 8), nn.Tanh(),",
                 "loader = DataLoader(dataset, batch_size=B, shuffle=False, drop_last=True)",
                 "if i % K == 0 or i == len(loader):"):
        assert line in text, line
    assert view.text.toPlainText() == listing(window.config, "pytorch").text.rstrip("\n")


def test_a_hidden_view_writes_nothing_until_it_is_shown(make_window):
    window = make_window(samples=100, batch_size=10)
    view = window.layout_parts.code
    window.use_config(window.config.with_changes(batch_size=20))
    assert view.text.toPlainText() == ""  # hidden: no listing made on every slider move
    window.code.set_shown(True)
    assert "B = 20" in view.text.toPlainText()


@pytest.mark.parametrize("style", STYLES)
def test_stepping_phases_moves_the_highlight_to_each_phases_lines(make_window, qtbot, style):
    window = make_window(samples=100, batch_size=10)
    view = code_of(window)
    view.set_style(style)
    code = view.listing
    assert code.style == style and view.text.running == (code.batch_loop,)  # at rest: the inner loop
    window.step_phase()
    wait_for_iterations(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.views.phase == 0)
    for k, name in enumerate(PHASES):
        if k:
            window.step_phase()
        assert window.views.phase == k
        assert view.text.running == code.phases[name], name
    if style == "pytorch":
        lines = shown_lines(view)
        assert lines[code.phases["backward"][0] - 1].strip().startswith("loss.backward()")
        assert lines[code.phases["update"][0] - 1].strip().startswith("optimizer.step()")
    window.step_phase()
    assert window.views.phase == IDLE and view.text.running == (code.batch_loop,)


def test_the_loop_counters_read_i_k_of_len_loader_n_at_iteration_k(make_window, qtbot):
    window = make_window(samples=95, batch_size=10, epochs=3)
    view = code_of(window)
    code = view.listing
    window.run_iterations(13)
    wait_for_iterations(qtbot, window, 13)
    assert view.text.notes[code.epoch_loop] == "epoch = 2 of 3"
    assert view.text.notes[code.batch_loop] == ("i = 3 of len(loader) = 10  ·  len(xb) = 10, the last: 5  ·  "
                                                "samples seen = 125")
    window.run_iterations(7)
    wait_for_iterations(qtbot, window, 20)
    assert view.text.notes[code.batch_loop] == ("i = 10 of len(loader) = 10  ·  len(xb) = 5, the last batch, "
                                                "smaller  ·  samples seen = 190")


def test_accumulation_shows_the_forward_passes_and_updates_beside_their_lines(make_window, qtbot):
    window = make_window(samples=100, batch_size=10, accumulate=4)  # 10 passes: updates of 4, 4, 2
    view = code_of(window)
    code = view.listing
    window.run_iterations(1)
    wait_for_iterations(qtbot, window, 1)
    window.step_phase()  # the second update, phase by phase
    wait_for_iterations(qtbot, window, 2)
    qtbot.waitUntil(lambda: window.views.phase == 0)
    for _ in range(3):  # its first forward, loss, backward
        window.step_phase()
    window.step_phase()  # the second pass's forward
    assert view.text.running == code.phases["forward"]
    assert view.text.notes[code.batch_loop].startswith("i = 6 of len(loader) = 10")
    assert view.text.notes[code.phases["forward"][0]] == "forward passes = 6"
    assert view.text.notes[code.phases["update"][0]] == "updates = 1"


def test_a_frame_changes_the_highlight_and_the_notes_but_never_rewrites_the_document(make_window, qtbot):
    window = make_window(samples=100, batch_size=10)
    view = code_of(window)
    revision = view.text.document().revision()
    window.step_phase()
    wait_for_iterations(qtbot, window, 1)
    for _ in PHASES:
        window.step_phase()
    window.run_iterations(5)
    wait_for_iterations(qtbot, window, 6)
    assert view.text.notes[view.listing.batch_loop].startswith("i = 6 of")
    assert view.text.document().revision() == revision


def test_the_chinese_interface_translates_comments_and_leaves_code_lines_identical(make_window):
    window = make_window(samples=1003, batch_size=10, accumulate=2)
    view = code_of(window)
    english = shown_lines(view)
    notes = dict(view.text.notes)
    window.languages.switch("zh_CN")  # it rewords on a change of language, in place
    chinese = shown_lines(view)
    assert len(chinese) == len(english)
    for a, b in zip(english, chinese):
        code_a, _, comment_a = a.partition("#")
        code_b, _, comment_b = b.partition("#")
        assert code_a == code_b
        if comment_a.strip():
            assert CJK.search(comment_b), comment_b
    assert view.text.notes[view.listing.epoch_loop] != notes[view.listing.epoch_loop]
    assert view.caption.text() != "Training loop in" and CJK.search(window.code.toggle.text())
    window.languages.switch("en")
    assert shown_lines(view) == english


def test_the_theme_changes_the_highlighters_colours(make_window):
    window = make_window(samples=100, batch_size=10, theme="light")
    view = code_of(window)
    loop = view.text.document().findBlockByNumber(view.listing.epoch_loop - 1)

    def keyword_colour():
        start, length, kind = python_spans(loop.text())[0]  # "for"
        assert kind == "keyword" and start == 0
        formats = [f for f in loop.layout().formats() if f.start == 0]
        return formats[0].format.foreground().color()

    assert keyword_colour() == QColor(*CODE_COLOURS["light"].keyword)
    for theme in ("dark", "high-contrast"):
        window.projector.use_theme(theme)
        assert keyword_colour() == QColor(*CODE_COLOURS[theme].keyword)
        assert view.highlighter.format_of("comment").foreground().color() == QColor(*CODE_COLOURS[theme].comment)
        assert view.text.colours == CODE_COLOURS[theme]


def test_the_code_font_is_monospaced_and_scales_with_the_projector(make_window):
    window = make_window()
    view = code_of(window)
    base = view.text.font().pointSizeF()
    assert view.text.font().fixedPitch() or view.text.fontInfo().fixedPitch()
    window.projector.set_scale(2.0)
    assert view.text.font().pointSizeF() == pytest.approx(2 * base)
    window.projector.set_scale(1.0)
    assert view.text.font().pointSizeF() == pytest.approx(base)


def test_python_spans_colour_keywords_numbers_strings_and_comments_but_not_a_hash_in_a_string():
    line = 'for k in range(3):  print(f"# {k}", model.eval(), 0.5)  # done'
    kinds = [(line[s:s + n], kind) for s, n, kind in python_spans(line)]
    assert kinds == [("for", "keyword"), ("in", "keyword"), ("range", "builtin"), ("3", "number"),
                     ("print", "builtin"), ('f"# {k}"', "string"), ("0.5", "number"), ("# done", "comment")]


def _code_flags(config: RunConfig) -> list[str]:
    flags = ["--dataset", config.dataset, "--samples", str(config.samples), "--batch-size", str(config.batch_size),
             "--epochs", str(config.epochs), "--lr", repr(config.lr), "--accumulate", str(config.accumulate),
             "--hidden", ",".join(map(str, config.hidden)), "--activation", config.activation,
             "--seed", str(config.seed)]
    return flags + (["--drop-last"] if config.drop_last else []) + ([] if config.shuffle else ["--no-shuffle"])


@pytest.mark.parametrize("style", ["numpy", "keras"])
def test_save_as_python_script_writes_what_epochviz_code_prints(make_window, monkeypatch, tmp_path, style):
    window = make_window(samples=1003, batch_size=10, epochs=3, accumulate=2)
    window.use_config(window.config.with_changes(drop_last=True, hidden=(8, 8)))
    code_of(window).set_style(style)
    target = tmp_path / "loop"  # the dialog's name without its suffix: it gets ".py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    window.code.save.trigger()  # File > Save as Python script
    saved = (tmp_path / "loop.py").read_text(encoding="utf-8")
    compile(saved, "loop.py", "exec")
    printed = subprocess.run([sys.executable, "-m", "epochviz", "code", "--style", style,
                              *_code_flags(window.config)], capture_output=True, text=True, check=True).stdout
    assert saved == printed
    assert window.statusBar().currentMessage() == f"Saved the {'numpy' if style == 'numpy' else 'Keras'} script to " \
                                                  f"{tmp_path / 'loop.py'}"


def test_a_script_that_cannot_be_written_is_one_line_and_leaves_no_file(make_window, monkeypatch, tmp_path):
    window = make_window(samples=100, batch_size=10)
    code_of(window)
    target = tmp_path / "missing" / "loop.py"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    window.code.save.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Script not saved: cannot write") and "does not exist" in message
    assert "\n" not in message and not target.parent.exists()


def test_the_window_saves_a_script_of_a_hidden_view_too(make_window, tmp_path):
    window = make_window(samples=100, batch_size=10)
    written = window.code.save_script(str(tmp_path / "loop.py"))
    assert written.read_text(encoding="utf-8") == listing(window.config, "pytorch").text


def test_show_style_shows_the_view_in_that_style_and_refuses_an_unknown_one(make_window):
    window = make_window(samples=100, batch_size=10)
    window.code.show_style("numpy")
    view = window.layout_parts.code
    assert view.isVisible() and window.code.toggle.isChecked() and view.combo.currentText() == "numpy"
    assert "def forward(layers, x):" in view.text.toPlainText()
    with pytest.raises(ValueError, match="style must be one of pytorch, keras, numpy"):
        window.code.show_style("jax")


def test_the_code_flag_shows_the_view_in_a_slow_motion_screenshot(monkeypatch, tmp_path, capsys):
    from epochviz.cli.main import main
    from epochviz.qt.window import exports

    seen = {}

    def grab(window, path):
        view = window.layout_parts.code
        lines = shown_lines(view)
        seen.update(shown=view.isVisible(), running=[lines[n - 1].strip() for n in view.text.running],
                    counter=view.text.notes[view.listing.batch_loop])
        return tmp_path / "shot.png"

    monkeypatch.setattr(exports, "export_window", grab)
    assert main(["--screenshot", str(tmp_path / "shot.png"), "--samples", "100", "--batch-size", "10",
                 "--iterations", "6", "--phase", "backward", "--code", "pytorch"]) == 0
    assert seen["shown"] and seen["running"] == ["loss.backward()  # backward pass: gradient of the loss"]
    assert seen["counter"].startswith("i = 7 of len(loader) = 10")


def test_an_unknown_code_style_is_one_line_and_status_2(capsys):
    from epochviz.cli.main import main

    with pytest.raises(SystemExit) as info:
        main(["--code", "jax"])
    err = capsys.readouterr().err.strip()
    assert info.value.code == 2 and len(err.splitlines()) == 1 and "--code" in err and "jax" in err


def test_the_code_takes_the_settings_room_and_gives_it_back(make_window):
    window = make_window(samples=100, batch_size=10)
    window.resize(1280, 720)
    parts = window.layout_parts
    window.code.toggle.trigger()  # View > Code
    assert parts.code.isVisible() and not parts.controls_area.isVisible()
    window.code.toggle.trigger()
    assert parts.controls_area.isVisible() and not parts.code.isVisible()


def test_a_note_too_wide_for_the_view_moves_left_over_the_comment_then_sheds_parts_then_is_shortened(qtbot):
    from PySide6.QtGui import QFont, QFontMetrics

    from epochviz.qt.views.code_view import note_place

    metrics = QFontMetrics(QFont("DejaVu Sans Mono", 10))
    char = metrics.horizontalAdvance("x")
    code = "    for xb, yb in loader:  # one iteration per batch"
    long, short = "i = 418 of len(loader) = 1,000  ·  len(xb) = 10", "i = 418 of 1,000  ·  len(xb) = 10"
    code_end = metrics.horizontalAdvance("    for xb, yb in loader:")

    def place(room_chars):
        return note_place(code, (long, short), 0, room_chars * char, 2 * char, metrics)

    assert place(200) == (metrics.horizontalAdvance(code) + 2 * char, long)  # beside the line, whole
    x, shown = place(80)  # over the comment, never over the code, and whole
    assert shown == long and code_end + 2 * char <= x < metrics.horizontalAdvance(code)
    assert place(58)[1] == "i = 418 of len(loader) = 1,000"  # the batch's size is left out first
    assert place(46)[1] == "i = 418 of 1,000"  # then how the count is written
    shortened = place(40)[1]
    assert shortened.startswith("i =") and shortened.endswith("1,000") and "…" in shortened
    assert place(30) is None  # not even a few characters fit: no note rather than a stub


def test_a_note_may_cover_a_comment_but_never_code_nor_a_comment_loops_first_words():
    from epochviz.qt.views.code_view import kept_in_view

    assert kept_in_view("    for xb, yb in loader:  # one iteration per batch") == "    for xb, yb in loader:"
    assert kept_in_view("    optimizer.step()") == "    optimizer.step()"
    # Keras's loops are comments (fit runs them): their first words stay, the rest may go under the counter.
    assert kept_in_view("#         for each batch of B samples (steps_per_epoch of them):") == "#         for each batch"
    assert kept_in_view("#     for each epoch (E of them):") == "#     for each epoch"
    assert kept_in_view("#     对每个 B 个样本的批次（共 steps_per_epoch 个）：") == "#     对每个 B 个样本的批次"


def test_keras_shows_its_step_counter_beside_the_batch_loop_at_1280x720(make_window, qtbot):
    from epochviz.qt.views.code_view import NOTE_GAP_CHARS, NOTE_RIGHT_MARGIN, note_place

    window = make_window(samples=10_000, batch_size=10)
    window.resize(1280, 720)
    view = code_of(window)
    view.set_style("keras")
    qtbot.waitUntil(lambda: view.text.notes.get(view.listing.batch_loop) is not None)
    text = view.text
    line = view.listing.lines[view.listing.batch_loop - 1]
    metrics = text.fontMetrics()
    right = text.viewport().width() - NOTE_RIGHT_MARGIN
    forms = (text.notes[view.listing.batch_loop], text.short_notes[view.listing.batch_loop])
    placed = note_place(line, forms, text.document().documentMargin(), right,
                        metrics.horizontalAdvance(" ") * NOTE_GAP_CHARS, metrics)
    assert placed is not None and placed[1].startswith("step = 0 of ")  # it had no room at all

"""Compare mode in the window: runs side by side, their curves, table, axes and switches."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from epochviz.cli.main import build_parser
from epochviz.qt.compare.compare_plot import HistoryCurve
from tests.qt.conftest import WAIT_MS


def compare_window(make_window, **kwargs):
    kwargs.setdefault("compare", [1, 32, "full"])
    kwargs.setdefault("samples", 200)
    kwargs.setdefault("epochs", 2)
    kwargs.setdefault("backend", "thread")
    return make_window(**kwargs)


def run_to_end(qtbot, window):
    window.controls.speed.setValue(float("inf"))
    window.play()
    qtbot.waitUntil(lambda: window.compare.state == "finished", timeout=WAIT_MS)
    window.present()


def curves(window):
    plot = window.findChild(object, "comparePlot")
    return [item for item in plot.getPlotItem().listDataItems() if isinstance(item, HistoryCurve)]


def test_the_keyword_opens_compare_mode_with_one_curve_per_run_in_order(make_window, qtbot):
    window = compare_window(make_window)
    assert window.findChild(object, "compareToggle").isChecked()
    assert window.layout_parts.stack.currentIndex() == 1 and window.compare.view.isVisible()
    run_to_end(qtbot, window)
    found = curves(window)
    assert len(found) == 3
    updates = [len(c.getOriginalDataset()[0]) for c in found]
    assert updates == [2 * 200, 2 * 7, 2 * 1]  # B = 1, 32 and N, two epochs each
    x, y = found[1].getOriginalDataset()
    assert x.tolist() == list(range(1, 15)) and np.all(np.isfinite(y))
    labels = [chip.check.text() for chip in window.compare.view.chips]
    assert labels == ["━━ B=1 · 200 it/epoch · lr 0.053", "━━ B=32 · 7 it/epoch · lr 0.3",
                      "━━ B=200 (N) · 1 it/epoch · lr 0.75"]


def test_the_command_line_opens_compare_mode(make_window):
    args = build_parser().parse_args(["--compare", "1,32,full", "--samples", "300"])
    assert args.compare == [1, 32, "full"]
    window = make_window(compare=args.compare, samples=args.samples, backend="thread")
    assert [c.batch_size for c in window.compare.configs] == [1, 32, 300]


def test_the_table_shows_each_runs_arithmetic(make_window, qtbot):
    window = compare_window(make_window, accumulate=2)
    run_to_end(qtbot, window)
    table = window.findChild(object, "compareTable")
    assert table.rowCount() == 3
    header = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    cell = {name: [table.item(r, header.index(name)).text() for r in range(3)] for name in header}
    assert cell["B"] == ["2 × 1", "2 × 32", "2 × 200"]
    assert cell["it/epoch"] == ["100", "4", "1"]  # ceil(ceil(200 / B) / 2)
    assert cell["updates"] == ["200", "8", "2"]
    assert all(text != "–" for text in cell["samples/s"] + cell["s/epoch"] + cell["loss"] + cell["accuracy"])
    rows = window.compare.rows()
    for row in rows:
        assert row["seconds_per_epoch"] == pytest.approx(row["ms_per_update"] / 1e3 * row["updates_per_epoch"])


@pytest.mark.parametrize("axis", ["epochs", "iterations", "samples", "seconds"])
def test_every_x_axis_draws_every_run(make_window, qtbot, axis):
    window = compare_window(make_window)
    run_to_end(qtbot, window)
    view = window.compare.view
    view.axis.setCurrentIndex(view.axis.findData(axis))
    window.present()
    plot = view.plot
    assert plot.getPlotItem().getAxis("bottom").labelText.startswith(
        {"epochs": "epochs", "iterations": "weight updates", "samples": "samples", "seconds": "training seconds"}[axis])
    for run in plot.runs:
        x, _ = run.raw.getData()
        assert len(x) > 0 and np.all(np.diff(x) >= 0)
    ends = [run.marks.getData()[0] for run in plot.runs]
    if axis == "epochs":
        assert [e.tolist() for e in ends] == [[1.0, 2.0]] * 3  # the epoch ends line up across runs
    if axis == "samples":
        assert [e.tolist() for e in ends] == [[200.0, 400.0]] * 3
    if axis == "iterations":  # log scale: the plot holds log10 of the update count
        assert [np.round(10 ** e).tolist() for e in ends] == [[200, 400], [7, 14], [1, 2]]
    if axis == "seconds":
        totals = [h.seconds.view()[-1] for h in window.compare.histories]
        assert all(t > 0 for t in totals)


def test_a_run_can_be_added_removed_and_hidden(make_window, qtbot):
    window = compare_window(make_window)
    view = window.compare.view
    view.new_batch.setValue(64)
    qtbot.mouseClick(view.add, Qt.MouseButton.LeftButton)
    assert [c.batch_size for c in window.compare.configs] == [1, 32, 200, 64]
    assert not view.add.isEnabled()  # at most four
    qtbot.mouseClick(view.chips[0].remove, Qt.MouseButton.LeftButton)
    assert [c.batch_size for c in window.compare.configs] == [32, 200, 64]
    view.chips[1].check.setChecked(False)
    assert not window.compare.view.plot.runs[1].raw.isVisible()
    assert window.compare.view.table.rowCount() == 3  # a hidden run keeps its row
    qtbot.mouseClick(view.chips[0].remove, Qt.MouseButton.LeftButton)
    assert len(window.compare.configs) == 2
    assert not any(chip.remove.isEnabled() for chip in view.chips)  # at least two
    run_to_end(qtbot, window)
    assert len(curves(window)) == 2


def choose_lr_rule(window, rule):
    combo = window.compare.view.lr_rule
    combo.setCurrentIndex(combo.findData(rule))


def test_the_learning_rate_rule_sets_each_runs_rate(make_window, qtbot):
    window = compare_window(make_window, compare=[10, 40], lr=0.01)
    assert window.compare.view.lr_rule.currentData() == "sqrt"  # the default: a stable rate for each batch size
    assert [c.lr for c in window.compare.configs] == pytest.approx([0.01 * (10 / 32) ** 0.5, 0.01 * (40 / 32) ** 0.5])
    assert "√(B / 32)" in window.compare.view.caption.text()
    choose_lr_rule(window, "linear")
    assert [c.lr for c in window.compare.configs] == pytest.approx([0.01, 0.04])
    assert "scaled" in window.compare.view.caption.text()
    choose_lr_rule(window, "same")
    assert [c.lr for c in window.compare.configs] == [0.01, 0.01]
    assert "for every run" in window.compare.view.caption.text()


@pytest.mark.parametrize("rule", ["sqrt", "same", "linear"])
def test_the_legend_names_each_runs_learning_rate(make_window, rule):
    window = compare_window(make_window, compare=[1, 32, "full"], lr=0.2)
    choose_lr_rule(window, rule)
    labels = [chip.check.text() for chip in window.compare.view.chips]
    rates = {"sqrt": ["0.0354", "0.2", "0.5"], "same": ["0.2"] * 3, "linear": ["0.2", "6.4", "40"]}[rule]
    assert [label.rsplit(" · ", 1)[1] for label in labels] == [f"lr {lr}" for lr in rates]


def test_a_run_that_diverged_or_got_worse_than_it_began_is_named_in_plain_words(make_window, qtbot):
    window = compare_window(make_window, compare=[1, "full"], lr=10.0)
    choose_lr_rule(window, "same")  # lr 10 for both: B = 1 diverges, B = N bounces above where it began
    warning = window.findChild(object, "compareWarning")
    assert not warning.isVisible()
    run_to_end(qtbot, window)
    assert warning.isVisible()
    text = warning.text()
    assert "B = 1 diverged: its loss became infinite. Its learning rate 10 is too large" in text
    assert "B = 200 is worse than it began: whole-dataset loss 4.337 after epoch 2, 1.219 before training" in text
    choose_lr_rule(window, "sqrt")  # fresh runs at rates each batch is stable at: nothing to warn of
    assert not warning.isVisible()


def test_in_high_contrast_no_band_is_a_pale_tint_and_b1s_lies_lowest(make_window):
    window = compare_window(make_window, compare=[32, 1, "full"], theme="light")
    runs = window.compare.view.plot.runs
    assert runs[1].raw.zValue() < runs[0].raw.zValue() < runs[2].raw.zValue() < runs[0].smooth.zValue()
    pale = [run.raw.opts["pen"].color().name() for run in runs]
    assert all(colour != run.colour.name() for colour, run in zip(pale, runs))  # tints of the runs' colours
    window.projector.use_theme("high-contrast")
    for run in runs:
        pen = run.raw.opts["pen"]
        assert pen.color().name() == run.colour.name() and pen.style() == Qt.PenStyle.CustomDashLine
    gaps = [run.raw.opts["pen"].dashPattern()[1] for run in runs]
    assert gaps[1] > gaps[0] == gaps[2]  # B = 1's band, the widest, is dotted sparsest


def test_the_toggle_switches_modes_and_the_transport_follows(make_window, qtbot):
    window = make_window(samples=200, epochs=2, backend="thread")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.layout_parts.stack.currentIndex() == 0 and not window.compare.active
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.compare.active and window.layout_parts.stack.currentIndex() == 1
    assert not window.controls.batch.isEnabled()
    window.step()  # one update of every run
    qtbot.waitUntil(lambda: all(len(h) == 1 for h in window.compare.histories), timeout=WAIT_MS)
    assert window.last_iteration == 0  # the single run did not move
    window.set_compare(False)
    assert window.layout_parts.stack.currentIndex() == 0 and window.controls.batch.isEnabled()
    window.step()
    qtbot.waitUntil(lambda: window.last_iteration == 1, timeout=WAIT_MS)


def test_changing_a_shared_setting_restarts_every_run(make_window, qtbot):
    window = compare_window(make_window)
    run_to_end(qtbot, window)
    window.controls.epochs.setValue(3)
    window.flush_settings()
    assert all(len(h) == 0 for h in window.compare.histories)
    assert [c.epochs for c in window.compare.configs] == [3, 3, 3]
    run_to_end(qtbot, window)
    assert [len(h) for h in window.compare.histories] == [600, 21, 3]


def test_bad_compare_keywords_are_refused(make_window):
    for bad in ([1], [1, 2, 3, 4, 5], [0, 3], ["half", 2], "1,32"):
        with pytest.raises(ValueError):
            compare_window(make_window, compare=bad)


def test_each_run_has_its_own_colour_and_marker(make_window):
    window = compare_window(make_window, compare=[1, 2, 3, 4])
    runs = window.compare.view.plot.runs
    assert len({run.colour.name() for run in runs}) == 4
    assert len({run.marks.opts["symbol"] for run in runs}) == 4


def test_every_run_trains_in_one_child_process(make_window, qtbot):
    window = compare_window(make_window, backend="process")
    run_to_end(qtbot, window)
    assert [len(h) for h in window.compare.histories] == [400, 14, 2]
    session = window.compare.session
    assert session.trainer_pid is not None and session.trainer_pid != window.run.trainer_pid


def test_settings_changed_in_the_single_run_reach_compare_mode_when_it_opens(make_window):
    window = make_window(samples=200, epochs=2, backend="thread")
    runs_before = window.compare.run_id
    window.controls.epochs.setValue(4)
    window.flush_settings()
    assert window.compare.run_id == runs_before  # nothing rebuilt while the mode is off
    window.set_compare(True)
    assert [c.epochs for c in window.compare.configs] == [4, 4, 4]


def test_the_only_data_items_with_full_data_are_the_runs_curves_in_order(make_window, qtbot):
    window = compare_window(make_window)
    run_to_end(qtbot, window)
    plot = window.findChild(object, "comparePlot")
    with_data = [i for i in plot.getPlotItem().listDataItems() if hasattr(i, "getOriginalDataset")]
    assert [len(i.getOriginalDataset()[1]) for i in with_data] == [400, 14, 2]


def test_the_weight_update_axis_is_pyqtgraphs_log_axis_reading_1_10_100(qtbot):
    from epochviz.qt.compare.compare_plot import ComparePlot

    plot = ComparePlot()
    qtbot.addWidget(plot)
    plot.set_axis("iterations")
    axis = plot.getPlotItem().getAxis("bottom")
    assert axis.logMode  # the plot holds log10(updates); the axis reads them back
    levels = axis.tickValues(0.0, 3.5, 600)  # 1 to about 3,000 updates
    labels = [axis.tickStrings(values, 1.0, spacing) for spacing, values in levels]
    assert labels[0] == ["1", "10", "100", "1,000"]
    assert len(labels) > 1 and {text for level in labels[1:] for text in level} == {""}  # 2 to 9: ticks, no words
    plot.set_axis("samples")
    assert not axis.logMode and axis.tickStrings([0.0, 2000.0], 1.0, 1000.0) == ["0", "2,000"]


@pytest.mark.parametrize("axis_key", ["iterations", "samples", "seconds"])
def test_an_x_axis_title_stays_centred_when_the_axis_changes(qtbot, axis_key):
    from epochviz.qt.compare.compare_plot import ComparePlot

    plot = ComparePlot()
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    qtbot.waitExposed(plot)
    plot.set_axis(axis_key)  # a title of another width
    axis = plot.getPlotItem().getAxis("bottom")
    centre = axis.label.pos().x() + axis.label.boundingRect().width() / 2
    assert abs(centre - axis.size().width() / 2) <= 1


def test_an_update_that_arrives_after_the_window_shut_down_is_dropped(make_window, qtbot):
    """A comparison's epoch end still queued when the window closed found its curves gone (IndexError)."""
    from epochviz.core.engine.compare_engine import CompareChunk
    from epochviz.core.engine.session import Chunk, EpochEnd

    window = compare_window(make_window)
    mode = window.compare
    late = CompareChunk(mode.run_id, "playing", [Chunk(mode.run_id, "playing", epoch_ends=[EpochEnd(1, 1, 0.5, 0.5)])
                                                 for _ in mode.configs])
    qtbot.waitUntil(lambda: mode.session._backend is not None)
    mode.session._backend.receive = lambda: [late]  # still on its way when the window closes
    window.shutdown()
    mode.session._receive()  # the frame's collection, had it come once more
    assert not mode.active and all(not t.epoch_losses for t in mode.tallies)


def test_a_narrow_table_leaves_out_its_spare_columns_first_and_never_scrolls(make_window, qtbot):
    from epochviz.qt.compare.compare_table import COLUMNS, SPARE_COLUMNS

    window = compare_window(make_window, compare=[1, 32, "full"])
    window.present()
    table = window.compare.view.table
    lesson = ("label", "batch", "updates_per_epoch", "total_updates", "final_loss", "final_accuracy")
    for width, some_dropped in ((1400, False), (560, True)):
        table.setFixedWidth(width)
        qtbot.waitUntil(lambda: table.width() == width)
        table.fit_width()
        shown = [key for column, key in enumerate(COLUMNS) if not table.isColumnHidden(column)]
        assert all(key in shown for key in lesson)
        assert bool(table.dropped) == some_dropped and set(table.dropped) <= set(SPARE_COLUMNS)
        assert list(table.dropped) == list(SPARE_COLUMNS[: len(table.dropped)])  # in their order
        qtbot.waitUntil(lambda: table.horizontalHeader().length() <= table.viewport().width() + 1
                        and not table.horizontalScrollBar().isVisible())

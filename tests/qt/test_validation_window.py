"""The validation split in the window: held-out cells in their own colour, the validation loss on the chart."""

import numpy as np
import pytest
from PySide6.QtGui import QColor

from epochviz.core.sample_states import HELD_OUT
from epochviz.qt.compare.compare_table import COLUMNS
from epochviz.qt.look import palette
from epochviz.qt.look.themes import THEMES
from tests.qt.conftest import WAIT_MS, readout, wait_for_iterations

SPLIT = dict(samples=200, batch_size=20, epochs=3, validation_split=0.25, backend="thread")



def plain(rich: str) -> str:
    """A label's rich text as the words a reader sees (no word joiners, no-break spaces as spaces, no tags)."""
    import re

    text = re.sub(r"<[^>]+>", "", rich).replace("&nbsp;", " ")
    return text.replace("\u2060", "").replace("\xa0", " ")

def run_to_end(qtbot, window):
    window.run_iterations(window.schedule.total_iterations)
    wait_for_iterations(qtbot, window, window.schedule.total_iterations)


def test_the_chart_draws_the_validation_loss_at_every_epoch_end_beside_the_training_sets(make_window, qtbot):
    window = make_window(**SPLIT)
    run_to_end(qtbot, window)
    chart = window.chart
    ends = chart.epoch_ends
    assert [e.epoch for e in ends] == [1, 2, 3] and all(e.val_loss is not None for e in ends)
    x, y = chart.val_line.getData()
    assert x.tolist() == [e.global_iteration for e in ends]  # one point per epoch end, on the iterations axis
    assert y.tolist() == [e.val_loss for e in ends]
    train_x, train_y = chart.epoch_line.getData()
    assert train_x.tolist() == x.tolist() and train_y.tolist() == [e.loss for e in ends]
    assert "validation loss" in plain(chart.legend.text())
    text = chart.show_point_at(float(ends[1].global_iteration) + 1)
    assert f"epoch 2 end: training loss {ends[1].loss:.4f} · validation loss {ends[1].val_loss:.4f}" in text
    top = chart.plot.getPlotItem().vb.viewRange()[1][1]
    assert top >= max(y)  # the chart grows to show the validation loss


def test_without_a_split_the_chart_has_no_validation_series(make_window, qtbot):
    window = make_window(samples=200, batch_size=20, epochs=2, backend="thread")
    run_to_end(qtbot, window)
    x, _ = window.chart.val_line.getData()
    assert x is None or len(x) == 0
    assert "validation" not in plain(window.chart.legend.text())
    assert "validation" not in window.chart.show_point_at(15.0)


def test_the_data_grid_paints_the_held_out_cells_in_their_own_colour(make_window, qtbot):
    window = make_window(**SPLIT)
    window.run_iterations(3)
    wait_for_iterations(qtbot, window, 3)
    view = window.views.dataset
    rows, cols = view.grid.cells
    image = view.grid.image
    held = window.config.hold_out().val_rows
    colour = lambda row: image.pixelColor(row % cols, row // cols)  # noqa: E731 - one line
    assert len(held) == 50 and view.state_counts["held_out"] == 50
    assert all(colour(int(r)) == palette.STATE_COLOURS[HELD_OUT] for r in held)
    assert all(colour(int(r)) != palette.STATE_COLOURS[HELD_OUT] for r in window.config.hold_out().train_rows)
    words = plain(view.counts.text())
    assert "held out: 50" in words or "held out for validation: 50" in words  # a narrow view takes short words
    assert "N_train = 200 - 50 held out = 150" in readout(window)


def _linear(rgb):
    c = np.asarray(rgb, dtype=float) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _lab(linear):
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ linear
    t = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(t > 0.008856, np.cbrt(t), 7.787 * t + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


# Machado, Oliveira and Fernandes (2009), severity 1: how the three dichromacies see linear RGB.
VISION = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}


def seen_apart(a, b, vision) -> float:
    """CIELAB distance between two colours as an eye with ``vision`` sees them."""
    m = VISION[vision]
    return float(np.linalg.norm(_lab(np.clip(m @ _linear(a), 0, 1)) - _lab(np.clip(m @ _linear(b), 0, 1))))


@pytest.mark.parametrize("name", THEMES)
def test_the_held_out_colour_stays_apart_from_every_state_in_every_theme_for_colour_blind_eyes(name):
    theme = THEMES[name]
    held, others = theme.states[HELD_OUT], [*theme.states[:HELD_OUT], theme.view_background]
    assert len(theme.states) == 5
    for vision in VISION:
        for other in others:
            assert seen_apart(held, other, vision) > 15, (vision, other)  # clearly apart (a just-noticeable step is ~2)


def test_a_theme_paints_the_held_out_cells_in_its_colour(make_window):
    window = make_window(**SPLIT)
    for name in ("dark", "high-contrast", "light"):
        window.projector.use_theme(name)
        assert palette.STATE_COLOURS[HELD_OUT] == QColor(*THEMES[name].states[HELD_OUT])
        assert tuple(palette.STATE_RGBA[HELD_OUT, :3]) == THEMES[name].states[HELD_OUT]


def test_the_keyword_and_the_panel_set_the_split(make_window, qtbot):
    window = make_window(samples=200, validation_split=0.3, backend="thread")
    assert window.config.validation_split == 0.3 and window.controls.validation.value() == pytest.approx(0.3)
    assert window.schedule.n_samples == 140 and window.views.dataset.state_counts["held_out"] == 60
    window.controls.validation.setValue(0.1)
    window.flush_settings()
    assert window.config.validation_split == pytest.approx(0.1) and window.schedule.held_out == 20
    window.controls.validation.setValue(0.0)
    window.flush_settings()
    assert window.schedule.held_out == 0 and "N_train" not in readout(window)
    assert "held out" not in plain(window.views.dataset.counts.text())


def test_the_panel_keeps_a_scenes_exact_split_until_the_box_is_changed(make_window):
    window = make_window(samples=300, backend="thread")
    window.use_config(window.config.with_changes(validation_split=0.333))
    window.controls.epochs.setValue(7)  # another setting changes: the split stays what the scene said
    window.flush_settings()
    assert window.config.validation_split == 0.333 and window.config.epochs == 7


@pytest.mark.parametrize("value, error, words", [(0.7, ValueError, "validation_split must be from 0 to 0.5"),
                                                 ("0.2", TypeError, "validation_split must be a number")])
def test_a_bad_split_keyword_is_refused_naming_it(make_window, value, error, words):
    with pytest.raises(error, match=words):
        make_window(validation_split=value)


def test_compare_mode_shows_the_validation_columns_and_markers_only_with_a_split(make_window, qtbot):
    window = make_window(samples=200, epochs=2, compare=[20, "full"], validation_split=0.25, backend="thread")
    window.controls.speed.setValue(float("inf"))
    window.play()
    qtbot.waitUntil(lambda: window.compare.state == "finished", timeout=WAIT_MS)
    window.present()
    table = window.findChild(object, "compareTable")
    val = COLUMNS.index("final_val_loss")
    assert not table.isColumnHidden(val) and table.item(0, val).text() != "–"
    assert [c.batch_size for c in window.compare.configs] == [20, 150]  # full is every training sample
    run = window.compare.view.plot.runs[0]
    assert len(run.val_losses) == 2 and len(run.val_marks.getData()[0]) == 2
    window.use_config(window.config.with_changes(validation_split=0.0))  # the shared settings: the runs start again
    assert table.isColumnHidden(val)


def test_with_a_split_the_digits_accuracy_is_the_held_out_samples_and_says_so(make_window, qtbot):
    window = make_window(dataset="digits", samples=300, batch_size=50, epochs=2, validation_split=0.5)
    boundary = window.views.boundary
    assert boundary.confusion_title() == "Held-out accuracy per digit: after epoch 1"
    window.step_epoch()
    qtbot.waitUntil(lambda: boundary.epoch_end is not None, timeout=WAIT_MS)
    end = boundary.epoch_end
    assert end.confusion.sum() == 150 and end.val_confusion.sum() == 150  # trained on 150, 150 held out
    assert np.trace(end.val_confusion) / 150 == pytest.approx(end.val_accuracy)
    assert boundary.confusion_title() == "Held-out accuracy per digit (epoch 1)"


def test_without_a_split_the_digits_accuracy_is_every_samples(make_window, qtbot):
    window = make_window(dataset="digits", samples=300, batch_size=50, epochs=2)
    boundary = window.views.boundary
    window.step_epoch()
    qtbot.waitUntil(lambda: boundary.epoch_end is not None, timeout=WAIT_MS)
    assert boundary.epoch_end.val_confusion is None
    assert boundary.confusion_title() == "Accuracy per digit (epoch 1)"

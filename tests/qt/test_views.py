"""The views that make the batch visible: dataset fill-up, phases, memory, boundary."""

import math

import numpy as np
import pytest
from PySide6.QtWidgets import QWidget

from epochviz.core.memory import IMAGE_NETWORKS, format_bytes, iteration_memory
from epochviz.core.phases import IDLE, PHASES
from epochviz.qt.views.phase_player import PhasePlayer
from tests.qt.conftest import wait_for_iterations


def test_new_views_join_the_object_name_contract(make_window):
    window = make_window()
    for name in ("datasetView", "networkView", "phaseCaption", "boundaryView", "memoryMeter"):
        widget = window.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName(), name


def test_dataset_view_counts_match_the_schedule_with_a_partial_batch_and_drop_last(make_window, qtbot):
    for drop_last, expected in ((False, [(10, 0, 15), (10, 10, 5), (5, 20, 0)]), (True, [(10, 0, 10), (10, 10, 0)])):
        window = make_window(samples=25, batch_size=10, epochs=2)
        window.controls.drop_last.setChecked(drop_last)  # the first step starts the new run
        for k, (in_batch, seen, unseen) in enumerate(expected, start=1):
            window.step()
            wait_for_iterations(qtbot, window, k)
            window.views.refresh()
            counts = window.views.dataset.state_counts
            assert (counts["in_batch"], counts["seen"], counts["unseen"]) == (in_batch, seen, unseen)
            assert counts["dropped"] == (5 if drop_last else 0)


def test_the_phases_of_an_iteration_play_in_order(qtbot):
    player = PhasePlayer()
    seen = []
    player.changed.connect(lambda: seen.append(player.phase) if not seen or seen[-1] != player.phase else None)
    player.play(0.4)
    qtbot.waitUntil(lambda: player.phase == IDLE, timeout=3000)
    assert seen == [0, 1, 2, 3, 4, IDLE]


def test_slow_motion_animates_every_phase_of_each_iteration(make_window, qtbot):
    window = make_window(samples=100, batch_size=10)
    window.controls.speed.setValue(4)
    player = window.views.player
    window.play()
    # However late the frames, each played iteration shows all five phases in order
    # (the player's own record; the pace of this machine does not matter).
    qtbot.waitUntil(lambda: player.shown.count(0) >= 3, timeout=15_000)
    window.pause()
    played = [p for p in player.shown[player.shown.index(0):] if p != IDLE]
    starts = [i for i, p in enumerate(played) if p == 0]
    for a, b in zip(starts, starts[1:]):  # every iteration that was followed by another
        assert played[a:b] == list(range(len(PHASES)))


def test_step_advances_one_phase_and_shift_step_one_iteration(make_window, qtbot):
    window = make_window(samples=100, batch_size=10)
    window.step_phase()
    wait_for_iterations(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.views.phase == 0)
    assert "enters the network" in window.views.caption.text()
    for phase in range(1, len(PHASES)):
        window.step_phase()
        assert window.views.phase == phase
        assert window.last_iteration == 1
    window.views.refresh()
    assert "update" in window.views.caption.text()
    window.step_phase()
    assert window.views.phase == IDLE and window.last_iteration == 1
    window.step_phase()
    wait_for_iterations(qtbot, window, 2)
    qtbot.waitUntil(lambda: window.views.phase == 0)
    window.step()  # Shift+Step: a whole iteration, no phases on show
    wait_for_iterations(qtbot, window, 3)
    qtbot.waitUntil(lambda: window.views.phase == IDLE)


def test_the_update_phase_moves_the_drawn_weights_from_old_to_new(make_window, qtbot):
    window = make_window(samples=100, batch_size=10)
    window.step()
    wait_for_iterations(qtbot, window, 1)
    window.step_phase()  # iteration 2, shown phase by phase
    wait_for_iterations(qtbot, window, 2)
    qtbot.waitUntil(lambda: window.views.phase == 0)
    for _ in range(PHASES.index("update")):
        window.step_phase()
    window.views.player.hold(0.5)
    old, new = window.views.previous[0], window.views.weights[0]
    assert not np.array_equal(old, new)
    view = window.views.network
    assert view.phase == PHASES.index("update") and view.progress == 0.5
    np.testing.assert_allclose(view._layer_weights()[0], (old + new) / 2, rtol=1e-5)


def test_memory_meter_sizes_the_batch_and_turns_red_when_it_does_not_fit(make_window):
    window = make_window(samples=5000, batch_size=20)
    meter = window.controls.memory
    meter.network.setCurrentIndex(meter.network.findData("vgg16"))
    meter.budget.setCurrentIndex(meter.budget.findData(8))
    need = iteration_memory(IMAGE_NETWORKS["vgg16"], 20).total
    assert meter.bar.format() == f"B = 20: {format_bytes(need)} of 8.0 GB"
    assert "d9453b" not in meter.bar.styleSheet()
    window.controls.batch.setValue(100)
    assert meter.bar.format().startswith("B = 100: ")
    assert "d9453b" in meter.bar.styleSheet() and "Too big" in meter.text.text()
    assert "can never fit" in meter.text.text()


def test_the_decision_boundary_updates_while_training(make_window, qtbot):
    window = make_window(samples=100_000, batch_size=1, epochs=5)
    qtbot.waitUntil(lambda: window.views.boundary.updates >= 1, timeout=15_000)
    first = window.views.boundary.boundary.probs.copy()
    window.controls.speed.setValue(math.inf)
    window.play()
    qtbot.waitUntil(lambda: window.views.boundary.updates >= 4, timeout=15_000)
    assert window.playing  # several boundaries arrived while the run was still going
    assert not np.allclose(window.views.boundary.boundary.probs, first)
    window.pause()


def test_digits_show_batch_thumbnails_and_per_class_accuracy_at_epoch_ends(make_window, qtbot):
    window = make_window(dataset="digits", samples=300, batch_size=50, epochs=2)
    window.step_epoch()
    wait_for_iterations(qtbot, window, 6)
    qtbot.waitUntil(lambda: window.views.boundary.epoch_end is not None)
    confusion = window.views.boundary.epoch_end.confusion
    assert confusion.shape == (10, 10) and confusion.sum() == 300
    window.views.refresh()
    thumbs = window.views.dataset.thumbnails
    assert thumbs.total == 50 and thumbs.images.shape[1:] == (8, 8)


def test_at_full_speed_a_costly_network_diagram_is_redrawn_less_often(make_window, monkeypatch):
    from epochviz.qt.views import views_panel

    window = make_window(samples=100, batch_size=10)
    views = window.views
    views.set_transport(playing=True, speed=math.inf)
    clock = [views_panel.time.perf_counter() + 10.0]  # past any redraw already due
    monkeypatch.setattr(views_panel.time, "perf_counter", lambda: clock[0])
    drawn = []
    monkeypatch.setattr(views.network, "set_state", lambda **state: drawn.append(clock[0]))
    for paint_s, expected_gap in ((0.001, views_panel.FULL_SPEED_NETWORK_S), (0.1, 1.0)):
        views.network.paint_s = paint_s
        drawn.clear()
        for _ in range(300):  # 3 s of frames, 10 ms apart, the view changed each time
            clock[0] += 0.01
            views._dirty = True
            views.refresh()
        gaps = [b - a for a, b in zip(drawn, drawn[1:])]
        assert min(gaps) == pytest.approx(expected_gap, abs=0.011)


def test_the_network_views_words_stay_inside_it_at_its_edges_and_the_gradient_sizes_outlast_their_label(qtbot):
    from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter

    from epochviz.qt.views.network_view import NetworkView, gradient_line

    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(240, 200)
    image = QImage(240, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    word = "← backward 1/2: ∑ gradient"
    for x in (0.0, 120.0, 240.0):  # the sweep at the input, in the middle and at the output
        box = view._centred_within(painter, x, 6, word)
        assert box.left() >= 0 and box.right() <= 240 and box.width() > painter.fontMetrics().horizontalAdvance(word)
    painter.end()
    metrics = QFontMetrics(QFont("DejaVu Sans", 10))
    sizes = ["0.109", "0.376", "0.312"]
    assert gradient_line(sizes, metrics, 1000) == "|∂L/∂W| by layer: 0.109 · 0.376 · 0.312"
    narrow = gradient_line(sizes, metrics, metrics.horizontalAdvance("|∂L/∂W|: 0.109 · 0.376 · 0.312") + 2)
    assert narrow == "|∂L/∂W|: 0.109 · 0.376 · 0.312"  # the words went, every size stayed


@pytest.mark.parametrize("validation_split", [0.0, 0.2])
def test_the_charts_legend_is_as_tall_as_its_wrapped_entries_at_every_width(make_window, validation_split):
    """It wraps between whole entries; counted as if it wrapped anywhere, its last line was cut at 1264x672."""
    window = make_window(samples=200, batch_size=10, validation_split=validation_split)
    chart = window.chart
    for width in range(200, 900, 10):
        chart._fit_legend(width)
        needed = chart.legend.heightForWidth(width)
        assert chart.legend.height() >= needed, f"at {width} px the legend needs {needed} px"

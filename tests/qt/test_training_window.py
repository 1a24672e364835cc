"""The window drives training through its run session: transport, resets, coalescing, ends and errors."""

import math

import numpy as np
import pyqtgraph as pg

from epochviz.core.mlp import MLP
from tests.qt.conftest import wait_for_iterations, wait_for_state
from tests.robust.conftest import alive


def curve_data(window):
    x, y = window.chart.raw.getOriginalDataset()
    return (np.array([]), np.array([])) if x is None else (x, y)


def test_step_runs_one_iteration_and_step_epoch_runs_to_the_epoch_end(make_window, qtbot):
    window = make_window(samples=100, batch_size=10, epochs=3)
    window.controls.step.click()
    wait_for_iterations(qtbot, window, 1)
    assert window.progress.iteration.format() == "Iteration 1 / 10"
    window.controls.step_epoch.click()
    wait_for_iterations(qtbot, window, 10)
    window.chart.redraw()
    x, y = curve_data(window)
    assert x.tolist() == list(range(1, 11))
    assert len(window.chart.epoch_lines) == 1
    assert window.progress.epoch.format() == "Epoch 1 / 3"


def test_play_then_pause_stops_training(make_window, qtbot):
    window = make_window(samples=100_000, batch_size=1, epochs=10)
    window.controls.speed.setValue(math.inf)
    window.controls.play.click()
    assert window.playing
    wait_for_iterations(qtbot, window, 200)
    window.controls.play.click()
    assert not window.playing
    wait_for_state(qtbot, window, "paused")
    stopped_at = window.last_iteration
    window.controls.step.click()
    wait_for_iterations(qtbot, window, stopped_at + 1)
    qtbot.waitUntil(lambda: len(window.history) == stopped_at + 1)
    assert window.last_iteration == stopped_at + 1


def test_reset_returns_to_iteration_zero(make_window, qtbot):
    window = make_window(samples=200, batch_size=10, epochs=2)
    window.controls.step_epoch.click()
    wait_for_iterations(qtbot, window, 20)
    window.controls.reset.click()
    assert window.last_iteration == 0 and len(window.history) == 0
    assert window.progress.iteration.format() == "Iteration 0 / 20"
    assert window.chart.epoch_lines == []
    assert "Reset" in window.statusBar().currentMessage()
    window.controls.step.click()
    wait_for_iterations(qtbot, window, 1)
    assert window.history.global_iterations().tolist() == [1]


def test_changing_the_batch_size_resets_the_run_and_says_so(make_window, qtbot):
    window = make_window(samples=200, batch_size=10, epochs=2)
    window.controls.step.click()
    wait_for_iterations(qtbot, window, 1)
    window.controls.batch.setValue(50)
    assert window.last_iteration == 0 and len(window.history) == 0
    assert "reset" in window.statusBar().currentMessage()
    window.controls.step_epoch.click()
    wait_for_iterations(qtbot, window, 4)
    assert window.progress.iteration.format() == "Iteration 4 / 4"
    assert window.history.global_iterations().tolist() == [1, 2, 3, 4]


def test_a_fast_run_arrives_in_few_updates_with_every_loss(make_window, qtbot):
    window = make_window(samples=3000, batch_size=1, epochs=1)
    updates = []
    window.run.chunk_arrived.connect(lambda chunk: updates.append(len(chunk)))
    window.controls.speed.setValue(math.inf)
    window.controls.play.click()
    wait_for_state(qtbot, window, "finished")
    assert sum(updates) == 3000
    assert len(updates) < 3000 / 10
    assert window.history.global_iterations().tolist() == list(range(1, 3001))
    window.chart.redraw()
    x, y = curve_data(window)
    assert len(x) == 3000 and np.isfinite(y).all()
    assert not window.playing and "Finished" in window.statusBar().currentMessage()


def test_play_after_the_end_trains_again_from_scratch(make_window, qtbot):
    window = make_window(samples=30, batch_size=10, epochs=2)
    window.controls.speed.setValue(math.inf)
    window.play()
    wait_for_state(qtbot, window, "finished")
    window.play()
    assert window.last_iteration == 0 and len(window.history) == 0
    wait_for_state(qtbot, window, "finished")
    assert window.history.global_iterations().tolist() == [1, 2, 3, 4, 5, 6]


def test_epoch_ticks_are_labelled_infinite_lines_with_the_dataset_loss(make_window, qtbot):
    window = make_window(samples=60, batch_size=20, epochs=4)
    window.controls.speed.setValue(math.inf)
    window.controls.play.click()
    wait_for_state(qtbot, window, "finished")
    item = window.findChild(pg.PlotWidget, "lossPlot").getPlotItem()
    ticks = [i for i in item.items if isinstance(i, pg.InfiniteLine) and i.angle == 90]
    assert [t.value() for t in ticks] == [3, 6, 9, 12]
    assert [t.label.format for t in ticks] == [f"epoch {k}" for k in range(1, 5)]
    marks_x, marks_y = window.chart.epoch_marks.getData()
    assert marks_x.tolist() == [3, 6, 9, 12] and np.isfinite(marks_y).all()


def test_a_too_high_learning_rate_pauses_and_says_so(make_window, qtbot):
    window = make_window(lr=50, samples=500, batch_size=10, epochs=5)
    window.controls.play.click()
    wait_for_state(qtbot, window, "diverged")
    assert not window.playing
    assert window.banner.isVisible() and "diverged" in window.banner.text()
    assert "learning rate" in window.banner.text()
    window.chart.redraw()
    (x0, x1), (y0, y1) = window.chart.plot.getPlotItem().viewRange()
    assert all(np.isfinite([x0, x1, y0, y1]))


def test_an_exception_in_training_is_shown_and_reset_recovers(make_window, qtbot, monkeypatch):
    window = make_window(samples=100, batch_size=10, backend="thread")
    original = MLP.step_unchecked
    monkeypatch.setattr(MLP, "step_unchecked", lambda self, x, y: 1 / 0)
    window.controls.step.click()
    wait_for_state(qtbot, window, "error")
    assert "ZeroDivisionError" in window.banner.text()
    assert "Error" in window.statusBar().currentMessage()
    monkeypatch.setattr(MLP, "step_unchecked", original)
    window.controls.reset.click()
    window.controls.play.click()
    wait_for_state(qtbot, window, "finished")
    assert window.last_iteration == window.schedule.total_iterations
    assert not window.banner.isVisible()


def drawn(window):
    """The x and y the chart is drawing now."""
    window.chart.mark_dirty()
    window.chart.redraw()
    return window.chart.raw.getData()


def test_the_x_axis_switches_between_iterations_epochs_and_samples(make_window, qtbot):
    window = make_window(samples=25, batch_size=10, epochs=2)
    window.controls.step_epoch.click()
    wait_for_iterations(qtbot, window, 3)
    combo = window.chart.axis
    combo.setCurrentIndex(combo.findData("epochs"))
    x, _ = drawn(window)
    np.testing.assert_allclose(x, [1 / 3, 2 / 3, 1.0])
    assert window.chart.epoch_lines[0].value() == 1.0
    combo.setCurrentIndex(combo.findData("samples"))
    x, _ = drawn(window)
    assert x.tolist() == [10, 20, 25]
    assert window.chart.plot.getPlotItem().getAxis("bottom").labelText == "samples seen"


def test_hovering_names_the_iteration_its_epoch_and_both_losses(make_window, qtbot):
    window = make_window(samples=100, batch_size=10, epochs=2)
    window.controls.step_epoch.click()
    wait_for_iterations(qtbot, window, 10)
    window.controls.step.click()
    wait_for_iterations(qtbot, window, 11)
    window.chart.redraw()
    vb = window.chart.plot.getPlotItem().vb
    scene_pos = vb.mapViewToScene(pg.Point(11, float(window.history.loss.view()[10])))
    viewport = window.chart.plot.viewport()
    qtbot.mouseMove(viewport, window.chart.plot.mapFromScene(scene_pos))
    qtbot.waitUntil(lambda: window.chart.hover.text().startswith("iteration"), timeout=3000)
    text = window.chart.hover.text()
    assert text.startswith("iteration 11 (epoch 2, iteration 1 of 10)")
    assert f"batch loss {window.history.loss.view()[10]:.4f}" in text
    assert "smoothed" in text


def test_closing_mid_run_ends_the_training_process(make_window, qtbot):
    window = make_window(samples=100_000, batch_size=1, epochs=10)
    window.controls.play.click()
    wait_for_iterations(qtbot, window, 10)
    trainer = window.run.trainer_pid
    window.close()
    assert window.run.trainer_pid is None and not alive(trainer)  # reaped by close(), not left to exit


def test_the_chart_follows_the_data_until_the_user_zooms_and_fit_resumes(make_window, qtbot):
    window = make_window(samples=100, batch_size=10, epochs=3)
    window.controls.step_epoch.click()
    wait_for_iterations(qtbot, window, 10)
    window.chart.redraw()
    vb = window.chart.plot.getPlotItem().vb
    (x0, x1), (y0, y1) = vb.viewRange()
    assert x0 == 0 and x1 >= 10 and y0 == 0 and y1 >= window.history.loss.view().max() * 0.9
    vb.scaleBy((0.5, 0.5))
    vb.sigRangeChangedManually.emit(vb.state["mouseEnabled"])
    assert not window.chart.following
    window.chart.fit.click()
    assert window.chart.following and vb.viewRange()[0][0] == 0


def test_a_crashed_training_process_is_reported_and_reset_starts_a_new_one(make_window, qtbot):
    window = make_window(samples=100_000, batch_size=1, epochs=10)
    window.controls.speed.setValue(math.inf)
    window.play()
    wait_for_iterations(qtbot, window, 10)
    qtbot.waitUntil(lambda: window.run.trainer_pid is not None)
    window.run._backend._process.kill()  # what a crash in numpy would look like
    wait_for_state(qtbot, window, "error")
    assert "stopped unexpectedly" in window.banner.text() and not window.playing
    window.reset()
    window.step()
    wait_for_iterations(qtbot, window, 1)
    assert window.history.global_iterations().tolist() == [1]


def test_a_run_that_lost_its_trainer_is_not_started_again_behind_the_banner(make_window, qtbot):
    """Leaving compare mode starts the single run only if it never started: a failed one waits for Reset."""
    window = make_window(samples=2000, batch_size=10, epochs=5)
    window.step_epoch()
    wait_for_iterations(qtbot, window, 200)
    window.run._backend._process.kill()
    wait_for_state(qtbot, window, "error")
    window.set_compare(True)
    window.set_compare(False)
    window.step()
    assert window.run.trainer_pid is None and window.state == "error" and window.last_iteration == 200
    window.reset()
    window.step()
    wait_for_iterations(qtbot, window, 1)
    assert window.history.global_iterations().tolist() == [1]


def test_a_scripts_pause_at_pauses_the_run_the_play_button_and_the_views_together(make_window, qtbot):
    window = make_window(samples=100, batch_size=10, epochs=3)
    window.controls.speed.setValue(math.inf)
    window.pause_at(7)
    window.play()
    qtbot.waitUntil(lambda: not window.playing, timeout=15_000)
    wait_for_state(qtbot, window, "paused")
    window.present()
    assert window.last_iteration == 7
    assert window.controls.play.text() == "▶ Play" and not window.views.playing
    window.play()  # on to the end: the moment was used up
    wait_for_state(qtbot, window, "finished")
    assert window.last_iteration == 30

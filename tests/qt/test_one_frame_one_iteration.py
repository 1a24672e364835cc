"""Every view of one update describes the same iteration; the empty chart belongs to the new run."""

import math

from tests.qt.conftest import wait_for_iterations


def test_every_frame_shows_one_iteration_in_every_view(make_window, qtbot):
    window = make_window(samples=2000, batch_size=10, epochs=20)
    window.controls.speed.setValue(math.inf)
    seen = []

    def check():
        g = window.last_iteration
        if not g:
            return
        epoch, iteration = window.schedule.position(g)
        seen.append((
            window.views.iteration == g,
            f"epoch {epoch:,}" in window.views.dataset.title.text(),
            f"{g:,}" in window.progress.global_label.text(),
            window.views.caption.text().startswith(f"Iteration {iteration:,} of 200 (epoch {epoch:,} of 20)"),
        ))

    window.frame_presented.connect(check)
    window.play()
    qtbot.waitUntil(lambda: len(seen) >= 3 or window.state == "finished", timeout=15_000)
    window.pause()
    assert seen
    assert all(all(row) for row in seen), [row for row in seen if not all(row)][:3]


def test_after_reset_the_empty_chart_spans_the_new_runs_first_epoch(make_window, qtbot):
    window = make_window(samples=2000, batch_size=20, epochs=3)
    window.run_iterations(150)
    wait_for_iterations(qtbot, window, 150)
    window.chart.redraw()
    window.controls.batch.setValue(500)  # a new run: 4 iterations per epoch
    (x0, x1), (y0, y1) = window.chart.plot.getPlotItem().vb.viewRange()
    assert (x0, x1) == (0, 4) and (y0, y1) == (0, 1)


def test_iteration_ticks_are_whole_numbers_and_epoch_ticks_may_be_fractions(make_window):
    window = make_window(samples=100, batch_size=100, epochs=3)  # one iteration per epoch
    axis = window.chart.plot.getPlotItem().getAxis("bottom")
    assert all(spacing >= 1 for spacing, _ in axis.tickSpacing(0, 1, 800))
    window.chart.axis.setCurrentIndex(window.chart.axis.findData("epochs"))
    assert any(spacing < 1 for spacing, _ in axis.tickSpacing(0, 1, 800))

"""The window's doors: MainWindow's keywords and the widgets' setValue refuse bad values by name."""

import math

import numpy as np
import pytest

from epochviz.app import MainWindow
from epochviz.core.engine.session import Boundary
from epochviz.qt.views.boundary_view import boundary_image


@pytest.mark.parametrize("keywords, error, name", [
    ({"lr": 0}, ValueError, "lr"), ({"lr": -1}, ValueError, "lr"), ({"lr": math.nan}, ValueError, "lr"),
    ({"lr": math.inf}, ValueError, "lr"), ({"lr": 1e-5}, ValueError, "lr"), ({"lr": 1e308}, ValueError, "lr"),
    ({"lr": "0.1"}, TypeError, "lr"), ({"lr": True}, TypeError, "lr"),
    ({"samples": "100"}, TypeError, "samples"), ({"samples": 5}, ValueError, "samples"),
    ({"samples": 2.5}, ValueError, "samples"), ({"batch_size": 0}, ValueError, "batch_size"),
    ({"epochs": 1000}, ValueError, "epochs"), ({"dataset": "mnist"}, ValueError, "dataset"),
    ({"backend": "bogus"}, ValueError, "backend"), ({"play": "yes"}, TypeError, "play"),
])
def test_main_window_refuses_a_bad_keyword_by_name(qtbot, keywords, error, name):
    with pytest.raises(error, match=name):
        MainWindow(**keywords)


@pytest.mark.parametrize("control, value, error", [
    ("speed", math.nan, ValueError), ("speed", 1e-9, ValueError), ("speed", 0, ValueError), ("speed", -1, ValueError),
    ("batch", math.nan, ValueError), ("batch", 2.5, ValueError), ("batch", True, TypeError),
    ("batch", "20", TypeError), ("batch", 5000, ValueError), ("samples", 1, ValueError),
    ("lr", math.inf, ValueError), ("lr", 500.0, ValueError),
])
def test_set_value_refuses_what_the_control_cannot_show_and_the_panel_still_works(make_window, control, value, error):
    window = make_window(samples=2000, batch_size=20)
    slider = getattr(window.controls, control)
    before = slider.value()
    with pytest.raises(error, match=slider.objectName()):
        slider.setValue(value)
    assert slider.value() == before
    window.controls.batch.setValue(50)  # the next change works
    assert window.controls.config().batch_size == 50 and window.config.batch_size == 50


def test_set_value_takes_what_the_control_shows(make_window):
    window = make_window(samples=2000, batch_size=20)
    window.controls.batch.setValue(np.int64(40))
    window.controls.batch.setValue(100.0)
    window.controls.speed.setValue(math.inf)
    window.controls.lr.setValue(0.00026)  # four decimals: what is shown is what is trained
    config = window.controls.config()
    assert config.batch_size == 100 and config.lr == 0.0003
    assert window.controls.lr.box.value() == 0.0003


def test_views_draw_a_diverged_runs_weights_without_warnings(make_window, recwarn):
    window = make_window(samples=100, batch_size=10)
    widths = window.config.widths
    weights = []
    for a, b in zip(widths, widths[1:]):
        weights += [np.full((a, b), np.nan, np.float32), np.full(b, np.inf, np.float32)]
    window.views.network.set_state(widths=widths, weights=weights, previous=None, grad_norms=[math.nan] * 3,
                                   phase=3, progress=0.5, batch_size=10, loss=math.inf)
    boundary_image(Boundary(np.full((48, 48, 3), np.nan, np.float32), (0, 1, 0, 1)))
    window.grab()
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_every_setting_of_the_table_is_a_main_window_keyword(make_window):
    window = make_window(samples=300, batch_size=30, hidden=(8, 8, 8), activation="relu", shuffle=False,
                         drop_last=True, seed=7, accumulate=2)
    config = window.config
    assert (config.hidden, config.activation, config.shuffle, config.drop_last, config.seed, config.accumulate) == (
        (8, 8, 8), "relu", False, True, 7, 2)
    assert window.controls.config() == config  # the seed no widget shows is kept too


def test_an_unknown_keyword_is_a_type_error_that_lists_the_settings(qtbot):
    with pytest.raises(TypeError, match="unknown setting \"batchsize\" .*batch_size"):
        MainWindow(batchsize=20)


def test_a_setting_changed_in_the_panel_keeps_the_seed_no_widget_shows(make_window):
    window = make_window(samples=300, batch_size=30, seed=7)
    window.controls.batch.setValue(50)
    window.flush_settings()
    assert window.config.batch_size == 50 and window.config.seed == 7

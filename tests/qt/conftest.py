"""Fixtures for the window tests: a MainWindow that is always shut down."""

import gc

import pytest

from epochviz.app import MainWindow

WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def collect_garbage_between_tests():
    """Python's cycle collector runs between tests, never in the middle of one.

    A collection that started while a new window's worker thread was starting up
    crashed now and then (5 of 15 full runs), when every window was a reference
    cycle. Windows are freed at once since compare mode reaches its window as
    parent(), and 15 of 16 runs without this guard passed; the one crash, in a
    window's construction, was not explained, so collections stay between tests.
    """
    gc.disable()
    yield
    gc.enable()
    gc.collect()


@pytest.fixture
def make_window(qtbot):
    """Factory: ``make_window(**presets)`` builds, shows and registers a window."""
    windows = []

    def make(**kwargs):
        window = MainWindow(**kwargs)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


def wait_for_iterations(qtbot, window, n, timeout=WAIT_MS):
    """Wait until ``n`` iterations have arrived, then draw the frame that shows them."""
    qtbot.waitUntil(lambda: window.last_iteration >= n, timeout=timeout)
    window.present()


def wait_for_state(qtbot, window, state, timeout=WAIT_MS):
    qtbot.waitUntil(lambda: window.state == state, timeout=timeout)


def readout(window):
    """The arithmetic readout as words (the label keeps each part on one line with no-break spaces)."""
    return window.readout.text().replace("\N{NO-BREAK SPACE}", " ")


@pytest.fixture
def window(make_window, qtbot):
    """A small window, shown and active, so that keys reach its shortcuts."""
    window = make_window(samples=500, batch_size=10)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window

"""Fixtures for the window tests: a MainWindow that is always shut down."""

import pytest

from epochviz.app import MainWindow

WAIT_MS = 15_000


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

"""However a window ends (closed, dropped, freed by the cycle collector on any thread), it ends cleanly:
its training processes go with it, Qt deletes it on the GUI thread, and nothing is left for the collector."""

import sys

import pytest

from tests.robust.conftest import gone_soon, run_python, values

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for child processes")

PREFIX = """
import gc, os, threading
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
from epochviz.app import MainWindow

def run_until(done, ms=30000):
    loop = QtCore.QEventLoop()
    poll = QtCore.QTimer(interval=10)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start()
    QtCore.QTimer.singleShot(ms, loop.quit)
    loop.exec()

def children():
    me = os.getpid()
    found = []
    for task in os.listdir(f"/proc/{me}/task"):
        with open(f"/proc/{me}/task/{task}/children") as f:
            found += f.read().split()
    return sorted(found)

def compare_pid(w):
    return w.compare.session.trainer_pid
"""


def test_a_compare_window_dropped_without_close_ends_its_only_training_process(workdir):
    script = PREFIX + """
w = MainWindow(compare=[1, 32, "full"], samples=100000, play=True)
run_until(lambda: compare_pid(w) is not None and w.compare.histories[0].__len__() > 0)
child = compare_pid(w)
print("COMPARE", child)
print("CHILDREN", len(children()))
del w
gc.collect()
print("AFTER", len(children()))
"""
    result = run_python(script, cwd=workdir)
    assert result.returncode == 0, result.stderr
    (child,) = values(result.stdout, "COMPARE")
    assert values(result.stdout, "CHILDREN") == [1]  # the compare trainer only: no unused single-run one
    assert values(result.stdout, "AFTER") == [0]
    assert gone_soon(child)
    assert result.stderr == ""


@pytest.mark.parametrize("compare", [None, [1, 32]], ids=["one-run", "compare"])
def test_a_window_freed_by_the_cycle_collector_exits_cleanly(workdir, compare):
    script = PREFIX + f"""
w = MainWindow(compare={compare!r})  # as the report had it: built, never shown, dropped in a cycle
w._self = w
del w
gc.collect()
gc.set_threshold(1, 1, 1)  # then collect as often as possible, wherever it happens
for i in range(3):
    w = MainWindow(samples=300, batch_size=10, epochs=50, compare={compare!r}, play=True)
    w.show()
    run_until(lambda: w.last_iteration > 30 or compare_pid(w) is not None, 3000)
    w._self = w  # a reference cycle: only the cycle collector can free it
    del w
    gc.collect()
print("FREED", 3)
print("CHILDREN", len(children()))
"""
    result = run_python(script, cwd=workdir)
    assert result.returncode == 0, result.stderr  # it crashed in QSplitter's destructor
    assert values(result.stdout, "FREED") == [3]
    assert values(result.stdout, "CHILDREN") == [0]
    assert result.stderr == ""


def test_a_shown_window_collected_in_the_middle_of_its_own_paint_is_ended_after_it(workdir):
    script = PREFIX + """
for i in range(4):
    w = MainWindow(backend="thread", samples=200, batch_size=10)
    w.show()
    w.step()
    run_until(lambda: w.last_iteration >= 1)
    w._self = w  # only the cycle collector can free it, and it still has paints to do
    w.views.network.update()
    del w
    gc.set_threshold(1, 1, 1)  # a collection at nearly every allocation: the paint's own included
    for _ in range(30):
        app.processEvents()
    gc.set_threshold(700, 10, 10)
print("ROUNDS", 4)
"""
    result = run_python(script, cwd=workdir)
    assert result.returncode == 0, result.stderr  # deleted mid-paint, it crashed in QPainter.drawLines
    assert values(result.stdout, "ROUNDS") == [4]
    assert result.stderr == ""


def test_a_collection_on_another_thread_leaves_the_window_to_the_gui_thread(workdir):
    script = PREFIX + """
w = MainWindow(samples=300, batch_size=10, epochs=50, play=True)
w.show()
run_until(lambda: w.last_iteration > 30)
child = w.run.trainer_pid
deleted_on = []
w.destroyed.connect(lambda *_: deleted_on.append(threading.current_thread().name))
w._self = w
del w
collector = threading.Thread(target=gc.collect, name="collector")
collector.start()
collector.join()
print("BEFORE_LOOP", len(deleted_on))
run_until(lambda: deleted_on)
print("DELETED_ON_GUI_THREAD", int(deleted_on == [threading.main_thread().name]))
print("CHILD", child)
"""
    result = run_python(script, cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert values(result.stdout, "BEFORE_LOOP") == [0]  # the collector's thread deleted nothing
    assert values(result.stdout, "DELETED_ON_GUI_THREAD") == [1]
    (child,) = values(result.stdout, "CHILD")
    assert gone_soon(child)
    assert result.stderr == ""


def test_a_closed_window_leaves_nothing_for_the_cycle_collector(workdir):
    script = PREFIX + """
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)  # keep what a collection finds, to count it
w = MainWindow(samples=200, batch_size=50, epochs=50, backend="thread")
w.show()
w.controls.speed.setValue(float("inf"))
w.run_iterations(40)
run_until(lambda: w.last_iteration >= 40)
w.present()
print("EPOCH_TICKS", len(w.chart.epoch_lines))
w.reset()  # takes the epoch ticks off the chart
w.run_iterations(12)
run_until(lambda: w.last_iteration >= 12)
w.present()
w.set_compare(True)
w.step()
run_until(lambda: all(len(h) for h in w.compare.histories))
w.reset()  # takes every run's curves off the compare chart
w.set_compare(False)
w.close()
del w
gc.collect()
import shiboken6
ours = [o for o in gc.garbage  # the standard library's own cycles (ast, inspect) are not the window's
        if isinstance(o, shiboken6.Object) or type(o).__module__.split(".")[0] in ("epochviz", "pyqtgraph")]
print("GARBAGE", len(ours))
"""
    result = run_python(script, cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert values(result.stdout, "EPOCH_TICKS")[0] >= 9
    assert values(result.stdout, "GARBAGE") == [0]


def test_a_scaled_window_dropped_before_the_event_loop_runs_says_nothing(workdir):
    script = PREFIX + """
w = MainWindow(scale=2.5)
del w
gc.collect()
QtCore.QTimer.singleShot(50, app.quit)
app.exec()
print("DONE", 1)
"""
    result = run_python(script, cwd=workdir)
    assert result.returncode == 0, result.stderr
    assert values(result.stdout, "DONE") == [1]
    assert result.stderr == ""  # it printed "RuntimeError: ... (Projector) already deleted"

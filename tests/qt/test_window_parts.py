"""The window composes parts and hands each what it needs: never the window itself."""

import ast
import inspect

from epochviz.qt.window import main_window

# Two parts have the window's pixels as their subject, as a widget: the recorder grabs them, the
# projector scales its text and shows it full screen. The layout puts the widgets into it.
WIDGET_SUBJECTS = {"build_window_layout", "WindowRecorder", "Projector"}
NOT_PARTS = {"QTimer", "QShortcut", "super", "hasattr", "vars"}  # Qt objects the window owns; built-ins


def calls_given_the_window():
    """Names of what ``MainWindow``'s methods call with ``self`` (the window) as an argument."""
    tree = ast.parse(inspect.getsource(main_window.MainWindow))
    given = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            arguments = [*node.args, *(k.value for k in node.keywords)]
            if any(isinstance(a, ast.Name) and a.id == "self" for a in arguments):
                callee = node.func
                given.add(callee.id if isinstance(callee, ast.Name) else ast.unparse(callee))
    return given


def test_no_part_is_given_the_window_but_the_widgets_that_picture_it():
    assert calls_given_the_window() <= WIDGET_SUBJECTS | NOT_PARTS


def test_the_window_is_under_250_lines():
    assert len(inspect.getsource(main_window).splitlines()) < 250


def test_the_file_menus_quit_closes_the_window_through_a_signal(make_window, qtbot):
    window = make_window(samples=100, batch_size=10)
    quit_action = window.exports.menu.actions()[-1]
    quit_action.trigger()
    assert window.closed and not window.isVisible()

"""The public door to the window: ``MainWindow`` for scripts, ``run_window`` for the command."""

from __future__ import annotations

import os
import sys
import time
from argparse import Namespace

from epochviz.core.settings import SETTINGS
from epochviz.qt.window.main_window import MainWindow
from epochviz.text.translations import explain, system_language, translate

__all__ = ["MainWindow", "run_window", "make_application"]

SCREENSHOT_TIMEOUT_S = 60
SCREENSHOT_SIZE = (1600, 900)
RECORDING_SIZE = (1280, 720)  # a slide's size, and a GIF that stays small
RECORD_SECONDS = 10.0  # --record without --seconds
EXIT_INTERRUPTED = 130  # the shell's status for a command ended by Ctrl+C


def make_application(argv: list[str] | None = None):
    """The QApplication with epochviz's look: Fusion style, fonts sized for a projector."""
    from PySide6.QtWidgets import QApplication

    from epochviz.qt.look.style import apply_look

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("epochviz")
    apply_look(app)
    return app


def _error(problem: str) -> None:
    """One line on stderr: what kept a screenshot, export or recording from being written."""
    print(translate("app", "epochviz: error: {problem}").format(problem=problem), file=sys.stderr)


def _presets(args: Namespace) -> dict:
    """The settings given on the command line (each a row of the settings table); the others stay as they were."""
    return {k: getattr(args, k) for k in SETTINGS if getattr(args, k, None) is not None}


def _wait_for(window: MainWindow, target: int, deadline: float, done=None) -> bool:
    """Run the event loop until ``target`` iterations have arrived or the run has ended (or ``done()``)."""
    from PySide6.QtCore import QEventLoop, QTimer

    def arrived() -> bool:
        if done is not None:
            return done()
        return window.last_iteration >= target or window.state in ("finished", "diverged", "error")

    def closed() -> bool:  # by Ctrl+C
        return not window.isVisible()

    loop = QEventLoop()
    check = QTimer(interval=10)
    check.timeout.connect(lambda: loop.quit() if arrived() or closed() or time.monotonic() > deadline else None)
    check.start()
    if not arrived():
        loop.exec()
    check.stop()
    return arrived()


def save_screenshot(window: MainWindow, path: str, iterations: int, phase: str | None = None,
                    what: str = "window", chart_size: tuple[int, int] | None = None) -> int:
    """Train ``iterations`` iterations (or until the run ends), then save the window as PNG
    (or, with ``what="chart"``, the loss chart as PNG or SVG, ``chart_size`` pixels: a slide by default).

    With ``phase``, one more iteration is stepped in slow motion and the picture
    shows it halfway through that phase.
    """
    from PySide6.QtCore import QCoreApplication

    from epochviz.core.phases import PHASES

    window.show()
    deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
    target = min(iterations, window.schedule.total_iterations)
    window.controls.speed.setValue(float("inf"))
    if window.compare.active:  # compare mode: every run to its end, then the picture
        target, phase = 0, None
        window.play()
        if not _wait_for(window, 0, deadline, lambda: window.compare.state in ("finished", "error")):
            if not window.isVisible():  # closed by Ctrl+C
                return EXIT_INTERRUPTED
            window.pause()
            print(translate("app", "epochviz: the runs did not finish within {seconds} s; the picture shows how far "
                                   "they got").format(seconds=SCREENSHOT_TIMEOUT_S), file=sys.stderr)
    else:
        window.run_iterations(target)
    if not _wait_for(window, target, deadline):
        if not window.isVisible():
            return EXIT_INTERRUPTED
        # Too many iterations for the time allowed: keep what there is, and say so.
        window.pause()
        print(translate("app", "epochviz: {done} of {target} iterations ran within {seconds} s; the picture shows "
                               "those").format(done=f"{window.last_iteration:,}", target=f"{target:,}",
                                               seconds=SCREENSHOT_TIMEOUT_S), file=sys.stderr)
        phase = None
    if phase is not None and window.state == "paused":
        window.controls.speed.setValue(1.0)
        window.step_phase()
        if not _wait_for(window, target + 1, deadline):
            return EXIT_INTERRUPTED if not window.isVisible() else 1
        wanted = PHASES.index(phase)
        for _ in range(window.views.player.phase_count):  # with accumulation the passes repeat
            if window.views.player.phase == wanted:
                break
            window.step_phase()
        window.views.player.hold(0.5)
    window.views.finish_loading()
    window.chart.mark_dirty()
    window.present()
    window.chart.redraw()
    QCoreApplication.processEvents()
    from epochviz.core.run_log import ExportError
    from epochviz.qt.window.exports import SLIDE_SIZE, export_chart, export_window

    try:
        chart = window.exports.chart_on_show
        written = (export_chart(chart, path, chart_size or SLIDE_SIZE) if what == "chart" else
                   export_window(window, path))
    except ExportError as exc:
        _error(explain(exc))
        return 1
    print(written)
    return 0


def record(window: MainWindow, path: str, seconds: float, fps: float | None) -> int:
    """Record the (offscreen) window for ``seconds``, then write the GIF or MP4; 0, or 1 with one line."""
    from PySide6.QtCore import QEventLoop

    from epochviz.core.run_log import ExportError

    window.show()
    window.views.finish_loading()
    recorder = window.exports.recorder
    outcome: dict[str, str] = {}
    loop = QEventLoop()
    recorder.finished.connect(lambda written: (outcome.update(path=written), loop.quit()))
    recorder.failed.connect(lambda message: (outcome.update(error=message), loop.quit()))
    try:
        recorder.start(path, seconds, fps)
    except ExportError as exc:
        _error(explain(exc))
        return 1
    loop.exec()
    if "path" not in outcome:
        if not window.isVisible():
            return EXIT_INTERRUPTED
        _error(outcome.get("error", translate("app", "the recording stopped")))
        return 1
    print(outcome["path"])
    return 0


def _no_display() -> bool:
    """True on Linux/BSD when no X11 or Wayland display is reachable and no platform is forced."""
    if not sys.platform.startswith(("linux", "freebsd")) or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_window(args: Namespace) -> int:
    """Open the window (or take a screenshot) with the command line's presets."""
    picture = args.screenshot or args.export_chart
    if picture or args.record:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif _no_display():
        print(translate("app", "epochviz: error: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                               "unset); run it on a desktop, or render one with --screenshot out.png"), file=sys.stderr)
        return 1
    app = make_application()
    scene = args.scene or ("1" if args.tour else None)
    interactive = not (picture or args.record)  # pictures and recordings neither read nor write settings
    language = args.lang
    if language is None and interactive:
        from epochviz.qt.window.remembered import recall_language

        language = recall_language()
    window = MainWindow(play=args.play and not picture, scene=scene, scale=args.scale, theme=args.theme,
                        compare=args.compare, language=language or system_language(), **_presets(args))
    if interactive:
        window.remembered.restore(fresh_setup=not (_presets(args) or scene), fresh_scale=args.scale == 1.0,
                                  fresh_theme=args.theme is None)
    if args.code:
        window.code.show_style(args.code)
    size = args.window_size or (SCREENSHOT_SIZE if picture else RECORDING_SIZE if args.record else None)
    if size:  # offscreen there is no real screen to fit: a desktop's window, unless told otherwise
        window.resize(*size)
        window.layout_parts.share_width(window)
    from epochviz.qt.window.interrupt import InterruptToClose

    interrupt = InterruptToClose(window)
    try:
        if picture:
            code = save_screenshot(window, picture, args.iterations, args.phase,
                                   what="chart" if args.export_chart else "window", chart_size=args.chart_size)
        elif args.record:
            code = record(window, args.record, RECORD_SECONDS if args.seconds is None else args.seconds, args.fps)
        else:
            window.show()
            if scene is not None:
                window.tour.play_scene()  # a scene plays on arrival (the clicker has no Play key)
            code = app.exec()
        return interrupt.exit_status if interrupt.interrupted else code  # 130 for Ctrl+C, 143 for SIGTERM
    finally:
        interrupt.restore()
        if interactive:
            problem = window.remembered.remember_quietly()
            if problem:
                print(problem, file=sys.stderr)
        window.shutdown()

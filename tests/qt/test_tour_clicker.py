"""The tour from a clicker alone: scenes that play on arrival at their pace, pause at their moment, compare
batch sizes and accumulate gradients, say what they are about, and round-trip through Save and Open."""

import json

import pytest
from PySide6.QtCore import Qt

from epochviz.core.engine.wire import Configure, PauseAt, Play
from epochviz.core.scenes import EPOCH_END, builtin_scenes, load_scene
from epochviz.qt.run.session import RunSession
from tests.qt.conftest import readout

SCENES = builtin_scenes()
COMPARE_SCENE = next(i for i, s in enumerate(SCENES) if s.compare is not None)
ACCUMULATE_SCENE = next(i for i, s in enumerate(SCENES) if s.config.accumulate > 1)


def press(qtbot, window, key):
    qtbot.keyClick(window.windowHandle(), key)


def commands_sent(monkeypatch):
    """Every command the window's run sessions (its single run's and its comparison's) send, in order."""
    sent = []
    real = RunSession._send

    def send(session, command):
        sent.append(command)
        return real(session, command)

    monkeypatch.setattr(RunSession, "_send", send)
    return sent


def assert_as_declared(qtbot, window, scene, emphases):
    """The window shows ``scene`` as its file declares it."""
    speed = window.controls.speed.value()
    assert window.config == scene.config
    assert (None if speed == float("inf") else speed) == scene.speed
    assert window.playing == scene.autoplay
    assert window.compare.active == (scene.compare is not None)
    if scene.compare is not None:
        assert tuple(window.compare.choices) == scene.compare and window.compare.lr_rule == scene.lr_rule
        qtbot.waitUntil(lambda: window.compare.state == "playing", timeout=15_000)
    assert window.tour.emphasis == (scene.emphasis or "") and emphases[-1] == window.tour.emphasis
    assert window.controls.memory.alarm_allowed == (scene.emphasis in (None, "memory"))
    assert not window.tour.caption.isHidden() and scene.name in window.tour.caption.text()


@pytest.mark.parametrize("menu_bar", ["shown", "hidden (as in the presentation view)"])
def test_the_whole_tour_walked_with_page_down_only_shows_each_scene_as_declared(window, qtbot, menu_bar):
    window.menuBar().setVisible(menu_bar == "shown")
    emphases = []
    window.tour.emphasis_requested.connect(emphases.append)
    for number, scene in enumerate(SCENES, start=1):
        press(qtbot, window, Qt.Key.Key_PageDown)
        assert window.tour.index == number - 1
        assert f"Scene {number} of {len(SCENES)}" in window.tour.caption.text()
        assert_as_declared(qtbot, window, scene, emphases)
    press(qtbot, window, Qt.Key.Key_B)
    assert window.tour.blank and not window.compare.view.isVisible()
    press(qtbot, window, Qt.Key.Key_PageUp)  # the previous scene, not blank: one run again
    assert not window.tour.blank and not window.compare.active
    assert_as_declared(qtbot, window, SCENES[-2], emphases)


@pytest.mark.parametrize("k", range(1, len(SCENES)))
def test_page_down_from_scene_k_starts_scene_k_plus_1_playing(window, qtbot, monkeypatch, k):
    window.tour.show(k - 1, play=False)
    window.pause()
    sent = commands_sent(monkeypatch)
    press(qtbot, window, Qt.Key.Key_PageDown)
    scene = SCENES[k]
    assert window.tour.index == k and window.playing
    configures = [i for i, c in enumerate(sent) if isinstance(c, Configure)]
    plays = [i for i, c in enumerate(sent) if isinstance(c, Play)]
    assert configures and plays and plays[-1] > configures[-1]  # the new scene's run, then Play
    configured = sent[configures[-1]].config
    assert configured == (window.compare.configs if scene.compare else scene.config)
    if scene.pause_at is not None:
        assert PauseAt(scene.pause_iteration()) in sent[plays[-1]:]


def test_a_scene_that_arrives_really_plays(window, qtbot):
    press(qtbot, window, Qt.Key.Key_6)  # reshuffling: 500 samples at 4 iterations a second
    qtbot.waitUntil(lambda: window.last_iteration >= 1, timeout=15_000)
    assert window.playing and window.state == "playing"


def scene_file(tmp_path, name="scene.json", **keys):
    data = {"name": "Mine", "caption": "words", "dataset": "spiral", "samples": 100, "batch_size": 10,
            "epochs": 3, **keys}
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_a_scene_with_pause_at_epoch_end_pauses_at_the_end_of_epoch_1(window, qtbot, tmp_path):
    path = scene_file(tmp_path, speed="max", pause_at=EPOCH_END)
    assert window.tour.open_file(str(path)) is None
    assert window.playing
    qtbot.waitUntil(lambda: not window.playing, timeout=15_000)
    window.present()
    assert window.last_iteration == 10 and window.state == "paused"
    assert [end.epoch for end in window.chart.epoch_ends] == [1]
    press(qtbot, window, Qt.Key.Key_Space)  # the presenter goes on: to the end, no second pause
    qtbot.waitUntil(lambda: window.state == "finished", timeout=15_000)
    assert window.last_iteration == 30


def test_a_scene_that_says_autoplay_false_waits_for_play(window, tmp_path):
    assert window.tour.open_file(str(scene_file(tmp_path, autoplay=False))) is None
    assert not window.playing and window.config.samples == 100


def test_a_new_run_forgets_the_old_runs_moment_of_pause(window, qtbot, tmp_path):
    assert window.tour.open_file(str(scene_file(tmp_path, speed=1, pause_at=EPOCH_END))) is None
    window.reset()
    window.controls.speed.setValue(float("inf"))
    window.play()
    qtbot.waitUntil(lambda: window.state == "finished", timeout=15_000)
    assert window.last_iteration == 30


def test_the_memory_alarm_is_not_shown_in_scene_1_but_is_in_the_memory_scene(window, qtbot):
    meter = window.controls.memory
    press(qtbot, window, Qt.Key.Key_1)
    assert not meter.alarm_shown and meter.text.isHidden() and "d9453b" not in meter.bar.styleSheet()
    memory = next(i for i, s in enumerate(SCENES) if s.emphasis == "memory")
    emphases = []
    window.tour.emphasis_requested.connect(emphases.append)
    window.tour.show(memory)
    assert meter.alarm_shown and not meter.text.isHidden() and "Too big" in meter.text.text()
    assert emphases == ["memory"]


def test_leaving_the_tour_brings_the_alarm_back_and_asks_for_no_emphasis(window, qtbot):
    window.tour.show(0)
    emphases = []
    window.tour.emphasis_requested.connect(emphases.append)
    window.projector.restore_defaults()
    window.use_config(SCENES[0].config)
    assert emphases == [""] and window.controls.memory.alarm_shown


@pytest.mark.parametrize("index", [COMPARE_SCENE, ACCUMULATE_SCENE], ids=["compare", "accumulate"])
def test_a_built_in_scene_round_trips_through_save_and_open_exactly(window, tmp_path, index):
    scene = SCENES[index]
    window.tour.show(index)
    path = tmp_path / "again.json"
    window.tour.save_file(str(path), scene.name, scene.caption)
    assert load_scene(path) == scene
    window.tour.show(0)
    assert window.tour.open_file(str(path)) is None
    assert window.config == scene.config and window.compare.active == (scene.compare is not None)


def test_a_compare_scene_of_ones_own_round_trips_and_opens_in_compare_mode(window, tmp_path):
    path = scene_file(tmp_path, samples=400, accumulate=2, compare=[2, 64, "full"], lr_rule="same", speed=50,
                      emphasis="chart")
    assert window.tour.open_file(str(path)) is None
    compare = window.compare
    assert compare.active and compare.choices == [2, 64, "full"] and compare.lr_rule == "same"
    assert compare.view.lr_rule.currentData() == "same" and [c.batch_size for c in compare.configs] == [2, 64, 400]
    again = tmp_path / "again.json"
    window.tour.save_file(str(again), "Mine", "words")
    assert load_scene(again) == load_scene(path)


def test_save_in_compare_mode_without_a_scene_keeps_the_runs(window, qtbot, tmp_path):
    window.set_compare(True)
    window.compare.set_runs([1, 16], "linear")
    path = tmp_path / "compare.json"
    window.tour.save_file(str(path), "Runs")
    scene = load_scene(path)
    assert (scene.compare, scene.lr_rule, scene.config) == ((1, 16), "linear", window.config)


def test_b_blanks_the_comparison_in_compare_mode_and_a_new_scene_brings_it_back(window, qtbot):
    window.tour.show(COMPARE_SCENE)
    press(qtbot, window, Qt.Key.Key_B)
    assert window.tour.blank and not window.compare.view.isVisible()
    press(qtbot, window, Qt.Key.Key_Period)
    assert window.compare.view.isVisible() and not window.tour.blank
    press(qtbot, window, Qt.Key.Key_B)
    press(qtbot, window, Qt.Key.Key_Home)
    assert not window.tour.blank and window.layout_parts.results.isVisible()


def test_the_accumulation_scene_shows_k_batches_of_b_as_one_batch_of_k_times_b(window, qtbot):
    window.tour.show(ACCUMULATE_SCENE)
    config = SCENES[ACCUMULATE_SCENE].config
    k, b = config.accumulate, config.batch_size
    assert f"effective batch = {k} x {b} = {k * b}" in readout(window)
    assert window.config.schedule().updates_per_epoch == -(-config.samples // (k * b))

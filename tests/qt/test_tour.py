"""The tour from the keyboard, the built-in scenes' arithmetic, and scene files good and hostile."""

import json

import pytest
from PySide6.QtCore import Qt

from epochviz.core.scenes import SceneError, builtin_scenes, load_scene
from tests.qt.conftest import readout

EXPECTED = [  # the readout each built-in scene must show (the source text's own examples first)
    "ceil(100,000 / 100) = 1,000", "ceil(10,000 / 10) = 1,000", "ceil(2,000 / 1) = 2,000",
    "ceil(2,000 / 2,000) = 1", "ceil(100,000 / 128) = 782 | last batch: 32", "ceil(500 / 50) = 10",
    "ceil(100,000 / 100) = 1,000", "effective batch = 2 x 50 = 100",
    "N_train = 200 - 100 held out = 100 | iterations per epoch = ceil(100 / 10) = 10", "ceil(2,000 / 32) = 63",
]


def press(qtbot, window, key):
    qtbot.keyClick(window.windowHandle(), key)


def test_page_down_walks_the_tour_and_each_scene_shows_its_arithmetic(window, qtbot):
    assert len(window.tour.scenes) == len(EXPECTED)
    for number, expected in enumerate(EXPECTED, start=1):
        press(qtbot, window, Qt.Key.Key_PageDown)
        assert window.tour.index == number - 1
        assert expected in readout(window)
        assert f"Scene {number} of {len(EXPECTED)}" in window.tour.caption.text()
    press(qtbot, window, Qt.Key.Key_PageDown)  # stays on the last
    assert window.tour.index == len(EXPECTED) - 1
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.tour.index == len(EXPECTED) - 2
    press(qtbot, window, Qt.Key.Key_Home)
    assert window.tour.index == 0
    press(qtbot, window, Qt.Key.Key_4)
    assert window.tour.index == 3 and "ceil(2,000 / 2,000) = 1" in readout(window)


def test_page_down_reaches_the_tour_even_from_a_number_box(window, qtbot):
    window.controls.epochs.setFocus()
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert window.tour.index == 0


def test_b_blanks_the_views_and_chart_and_brings_them_back(window, qtbot):
    results = window.layout_parts.results
    press(qtbot, window, Qt.Key.Key_B)
    assert not results.isVisible() and window.tour.black.isVisible()
    press(qtbot, window, Qt.Key.Key_Period)
    assert results.isVisible() and not window.tour.black.isVisible()


def test_a_scene_applies_its_speed_too(window, qtbot):
    window.tour.show(0)
    assert window.controls.speed.value() == 40
    window.tour.show(5)
    assert window.controls.speed.value() == 4


def test_save_then_open_gives_the_same_set_up(window, tmp_path):
    window.tour.show(4)
    path = tmp_path / "mine.json"
    window.tour.save_file(str(path), "Mine", "My caption")
    scene = load_scene(path)
    assert scene.config == window.config and scene.caption == "My caption"
    window.tour.show(0)
    assert window.tour.open_file(str(path)) is None
    assert window.config == scene.config and "My caption" in window.tour.caption.text()


HOSTILE = {
    "not-json.json": "this is not json {",
    "list.json": "[1, 2, 3]",
    "types.json": json.dumps({"name": "x", "dataset": "spiral", "samples": "100", "batch_size": 10}),
    "unknown.json": json.dumps({"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 10, "run": "rm"}),
    "range.json": json.dumps({"name": "x", "dataset": "spiral", "samples": 5, "batch_size": 1}),
    "huge.json": json.dumps({"name": "x", "dataset": "spiral", "samples": 10**400, "batch_size": 1}),
    "bool.json": json.dumps({"name": "x", "dataset": "spiral", "samples": True, "batch_size": 1}),
    "deep.json": json.dumps({"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 10,
                             "hidden": [[[[[16]]]]]}),
    "nesting.json": "[" * 100_000 + "]" * 100_000,
    "droplast.json": json.dumps({"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 500,
                                 "drop_last": True}),
    "nan.json": '{"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 10, "lr": NaN}',
    "path.json": json.dumps({"name": "x", "dataset": "../../etc/passwd", "samples": 100, "batch_size": 10}),
    "dataset-list.json": json.dumps({"name": "x", "dataset": ["spiral"], "samples": 100, "batch_size": 10}),
    "dataset-object.json": json.dumps({"name": "x", "dataset": {"a": 1}, "samples": 100, "batch_size": 10}),
    "activation-list.json": json.dumps({"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 10,
                                        "activation": ["tanh"]}),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_scene_file_is_one_line_and_changes_nothing(window, tmp_path, name):
    path = tmp_path / name
    path.write_text(HOSTILE[name])
    before = window.config
    problem = window.tour.open_file(str(path))
    assert problem and len(problem.splitlines()) == 1 and len(problem) < 300
    assert window.config == before and window.controls.config() == before


def test_a_100_megabyte_file_is_refused_without_reading_it(window, tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as f:
        f.seek(100 * 2**20)
        f.write(b"}")
    assert "at most 64 kB" in window.tour.open_file(str(path))


def test_every_built_in_scene_is_valid_and_ships_with_the_package():
    assert [s.config.schedule().facts().iterations_per_epoch for s in builtin_scenes()] == \
        [1000, 1000, 2000, 1, 782, 10, 1000, 20, 10, 63]
    with pytest.raises(SceneError):
        load_scene("/no/such/scene.json")


def test_a_bad_scene_on_the_command_line_is_status_2_and_one_line(tmp_path, capsys):
    from epochviz.cli.main import main

    path = tmp_path / "bad.json"
    path.write_text(HOSTILE["unknown.json"])
    with pytest.raises(SystemExit) as info:
        main(["--scene", str(path)])
    err = capsys.readouterr().err
    assert info.value.code == 2 and len(err.strip().splitlines()) == 1 and "unknown key 'run'" in err


def test_the_wheel_carries_the_scenes_and_the_icon(wheel_names):
    names = wheel_names
    assert "epochviz/resources/epochviz.svg" in names
    assert sum(n.startswith("epochviz/resources/scenes/") and n.endswith(".json") for n in names) == 10


def test_a_lecture_from_the_keyboard_alone(make_window, qtbot):
    """epochviz --tour, F11, then only a clicker's keys: Page Down through every scene, each playing, B, Page Up."""
    window = make_window(scene="1")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    total = len(window.tour.scenes)
    assert window.tour.index == 0 and f"Scene 1 of {total}" in window.tour.caption.text()
    window.tour.play_scene()  # what epochviz --tour does once the window is up
    assert window.playing
    press(qtbot, window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    for number in range(2, total + 1):
        press(qtbot, window, Qt.Key.Key_PageDown)
        assert window.tour.index == number - 1 and window.playing, number
    press(qtbot, window, Qt.Key.Key_B)
    assert window.tour.blank
    press(qtbot, window, Qt.Key.Key_Period)
    assert not window.tour.blank
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.tour.index == total - 2 and window.playing and not window.compare.active
    for _ in range(2):
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.projector.scale == 1.25
    press(qtbot, window, Qt.Key.Key_F11)
    assert not window.isFullScreen()


@pytest.mark.parametrize("widget", ["batch.slider", "speed.slider", "dataset", "activation", "shuffle", "lr.box"])
def test_no_focused_control_swallows_the_clickers_keys(window, qtbot, widget):
    target = window.controls
    for part in widget.split("."):
        target = getattr(target, part)
    target.setFocus()
    before = window.controls.config()
    press(qtbot, window, Qt.Key.Key_PageDown)
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert window.tour.index == 1
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.tour.index == 0
    press(qtbot, window, Qt.Key.Key_Home)
    assert window.tour.index == 0 and window.controls.config() == window.tour.scenes[0].config != before


@pytest.mark.parametrize("name, caption, words", [
    ("Mine", "c" * 401, "caption must be a text of at most 400 characters"),
    ("n" * 100_000, "", "name must be a text of at most 400 characters"),
    ("lone \ud800 surrogate", "", "name has a character that cannot be written to a file"),
    ("Mine", "lone \udfff", "caption has a character that cannot be written to a file"),
])
def test_save_refuses_in_one_line_what_open_would_refuse_and_writes_nothing(window, tmp_path, name, caption, words):
    with pytest.raises(SceneError, match=words) as info:
        window.tour.save_file(str(tmp_path / "mine.json"), name, caption)
    assert len(str(info.value).splitlines()) == 1 and len(str(info.value)) < 300
    assert list(tmp_path.iterdir()) == []


def test_what_save_writes_at_the_limits_open_takes(window, tmp_path):
    name, caption = "名" * 399 + "🎓", "轮次 batch\n" * 40
    path = tmp_path / "limits.json"
    window.tour.save_file(str(path), name, caption)
    scene = load_scene(path)
    assert (scene.name, scene.caption, scene.config) == (name, caption, window.config)


def test_open_refuses_a_lone_surrogate_in_one_line(tmp_path):
    path = tmp_path / "surrogate.json"
    path.write_text('{"name": "x\\ud800", "dataset": "spiral", "samples": 100, "batch_size": 10}')
    with pytest.raises(SceneError, match="name has a character that cannot be written"):
        load_scene(path)


def test_save_from_the_menu_with_a_too_long_caption_says_so_and_writes_nothing(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    boxes = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("c" * 500, True))
    monkeypatch.setattr("epochviz.qt.presenting.tour.ask_save_path", lambda *args: str(tmp_path / "scene.json"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    window.tour.ask_save()
    (box,) = boxes
    assert "caption must be a text of at most 400 characters" in box.text()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("dataset", [["spiral"], {"name": "spiral"}])
def test_a_scene_whose_dataset_is_not_a_name_is_refused_by_the_window_keyword_naming_it(qtbot, tmp_path, dataset):
    from epochviz.app import MainWindow

    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"name": "x", "dataset": dataset, "samples": 100, "batch_size": 10}))
    with pytest.raises(ValueError, match=r"^scene: odd\.json: dataset must be one of "):
        MainWindow(scene=str(path))


def test_the_scene_read_at_the_command_line_is_the_one_the_window_shows(make_window, tmp_path):
    """A file changed after the arguments were checked must not reach the window unchecked, nor be read twice."""
    from epochviz.cli.main import build_parser

    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"name": "Mine", "dataset": "blobs", "samples": 300, "batch_size": 30}))
    args = build_parser().parse_args(["--scene", str(path)])
    path.write_text(HOSTILE["unknown.json"])
    window = make_window(scene=args.scene)
    assert (window.config.dataset, window.config.samples, window.config.batch_size) == ("blobs", 300, 30)
    assert "Mine" in window.tour.caption.text()


def test_page_down_on_the_last_scene_and_page_up_on_the_first_leave_the_run_alone(window, qtbot, monkeypatch):
    window.tour.show(len(window.tour.scenes) - 1, play=False)
    comparison = window.compare.session.run_id
    press(qtbot, window, Qt.Key.Key_PageDown)  # a clicker's extra press: the comparison did not restart
    assert window.compare.session.run_id == comparison and window.tour.index == len(window.tour.scenes) - 1
    assert "last scene" in window.statusBar().currentMessage()
    window.tour.show(0, play=False)
    run = window.run_id
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert window.run_id == run and window.tour.index == 0
    assert "first scene" in window.statusBar().currentMessage()


def test_a_scene_number_as_a_number_starts_the_window_there(make_window):
    window = make_window(scene=10)
    assert window.tour.index == 9 and window.compare.active

"""Scene files carry every setting of the table, and read back exactly what was written."""

import json

import pytest

from epochviz.core.run_config import RunConfig
from epochviz.core.scenes import Scene, SceneError, scene_file_text, scene_from_text
from epochviz.core.settings import SETTINGS

UNUSUAL = RunConfig(dataset="circles", samples=3000, batch_size=48, epochs=7, lr=0.05, accumulate=4,
                    hidden=(8, 8, 8), activation="relu", shuffle=False, drop_last=True, seed=7, momentum=0.5,
                    validation_split=0.25)


def test_every_setting_differs_from_its_default_in_the_unusual_set_up():
    assert all(getattr(UNUSUAL, name) != setting.default for name, setting in SETTINGS.items())


def test_a_saved_scene_reads_back_with_every_setting_and_the_speed():
    scene = Scene("unusual", UNUSUAL, speed=4.0, caption="K = 4")
    again = scene_from_text(scene_file_text(scene))
    assert again == scene and again.config == UNUSUAL


def test_a_scene_file_that_says_accumulate_is_taken():
    text = json.dumps({"name": "k", "dataset": "spiral", "samples": 2000, "batch_size": 8, "accumulate": 4})
    assert scene_from_text(text).config.accumulate == 4


@pytest.mark.parametrize("key, value, words", [
    ("accumulate", 0, "accumulate must be from 1 to 1,024, got 0"),
    ("seed", 2**64, "seed must be from 0 to 18,446,744,073,709,551,615"),
    ("dataset", ["spiral"], "dataset must be one of"),
    ("speed", "fast", 'speed must be "max"'),
])
def test_a_scene_value_out_of_the_tables_range_is_refused_naming_it(key, value, words):
    data = {"name": "x", "dataset": "spiral", "samples": 200, "batch_size": 20, key: value}
    with pytest.raises(SceneError, match=words):
        scene_from_text(json.dumps(data))

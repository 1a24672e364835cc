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


def test_a_scene_with_every_presentation_key_and_compared_runs_reads_back_exactly():
    one_run = Scene("paced", UNUSUAL, speed=40.0, caption="c", autoplay=False, pause_at="epoch_end",
                    emphasis="chart")
    compared = Scene("three", UNUSUAL, speed=None, compare=(1, 32, "full"), lr_rule="linear", emphasis="compare")
    numbered = Scene("at 5", UNUSUAL, pause_at=5)
    for scene in (one_run, compared, numbered):
        assert scene_from_text(scene_file_text(scene)) == scene


def test_a_compare_scene_without_a_rule_gets_the_default_one_and_keys_left_out_their_defaults():
    from epochviz.core.compare import DEFAULT_LR_RULE

    base = {"name": "x", "dataset": "spiral", "samples": 200, "batch_size": 20}
    compared = scene_from_text(json.dumps({**base, "compare": [1, "full"]}))
    assert compared.compare == (1, "full") and compared.lr_rule == DEFAULT_LR_RULE
    plain = scene_from_text(json.dumps(base))
    assert (plain.autoplay, plain.pause_at, plain.emphasis, plain.compare, plain.lr_rule) == (True, None, None,
                                                                                                None, None)


def test_epoch_end_means_the_first_epochs_last_iteration():
    scene = scene_from_text(json.dumps({"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 30,
                                        "pause_at": "epoch_end"}))
    assert scene.pause_iteration() == 4


@pytest.mark.parametrize("keys, words", [
    ({"autoplay": "yes"}, 'autoplay must be true or false, got "yes"'),
    ({"autoplay": 1}, "autoplay must be true or false, got 1"),
    ({"pause_at": "end"}, 'pause_at must be "epoch_end" or an iteration from 1 to 200'),
    ({"pause_at": 0}, "pause_at must be .* got 0"),
    ({"pause_at": 201}, "pause_at must be .* 1 to 200 .* got 201"),
    ({"pause_at": 2.5}, "pause_at must be .* got 2.5"),
    ({"pause_at": True}, "pause_at must be .* got true"),
    ({"emphasis": "everything"}, "emphasis must be one of arithmetic, progress, data, network, chart, memory, "
                                 'compare, got "everything"'),
    ({"emphasis": ["memory"]}, "emphasis must be one of"),
    ({"compare": [1]}, 'compare must be a list of 2 to 4 batch sizes \\(whole numbers from 1, or "full"\\), got '
                       "\\[1\\]"),
    ({"compare": [1, 2, 3, 4, 5]}, "compare must be a list of 2 to 4 batch sizes"),
    ({"compare": "1,32,full"}, "compare must be a list of 2 to 4 batch sizes"),
    ({"compare": [1, 0]}, "compare must be a list"),
    ({"compare": [1, True]}, "compare must be a list"),
    ({"compare": [1, 2.0]}, "compare must be a list"),
    ({"compare": [1, "all"]}, "compare must be a list"),
    ({"compare": {"runs": [1, 2]}}, "compare must be a list"),
    ({"compare": [1, 32], "lr_rule": "cubic"}, 'lr_rule must be one of sqrt, same, linear, got "cubic"'),
    ({"lr_rule": "sqrt"}, "lr_rule is for a comparison: give compare too"),
    ({"compare": [1, 32], "pause_at": "epoch_end"}, "pause_at is for one run: a comparison plays to its end"),
])
def test_a_presentation_or_comparison_key_out_of_range_is_refused_in_one_line_naming_it(keys, words):
    data = {"name": "x", "dataset": "spiral", "samples": 200, "batch_size": 20, "epochs": 20, **keys}
    with pytest.raises(SceneError, match=words) as info:
        scene_from_text(json.dumps(data))
    assert len(str(info.value).splitlines()) == 1 and len(str(info.value)) < 300


def test_each_built_in_scene_plays_at_a_pace_that_can_be_narrated():
    """20 to 60 seconds to make its point (to its pause, or its end), never over in a few seconds."""
    from epochviz.core.scenes import builtin_scenes

    paces = {scene.name: scene.seconds_to_point() for scene in builtin_scenes()}
    assert all(seconds is not None and 20 <= seconds <= 60 for seconds in paces.values()), paces

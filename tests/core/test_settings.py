"""The settings table: one row per setting, checked one way wherever a value comes from."""

import math

import pytest

from epochviz.core.run_config import RunConfig
from epochviz.core.settings import (
    RUN_SETTINGS,
    SEED_MAX,
    SETTINGS,
    SPEED,
    SettingError,
    SettingTypeError,
    check_settings,
    defaults,
)


def test_every_field_of_a_run_is_a_row_of_the_table_with_the_same_default():
    fields = {name: getattr(RunConfig(), name) for name in RunConfig.__dataclass_fields__ if name != "noise"}
    assert set(fields) == set(RUN_SETTINGS)
    assert fields == defaults()


def test_every_row_has_words_and_every_row_but_momentum_a_command_line_flag():
    for setting in SETTINGS.values():
        assert setting.label and setting.help, setting.name
        assert setting.flag.startswith("--") or setting.name == "momentum", setting.name


@pytest.mark.parametrize("name, value", [("samples", "100"), ("samples", 2.5), ("samples", True),
                                         ("lr", "0.1"), ("shuffle", 1), ("epochs", None.__class__)])
def test_a_value_of_the_wrong_type_is_a_type_error_naming_the_setting(name, value):
    with pytest.raises(SettingTypeError, match=name):
        SETTINGS[name].check(value)


@pytest.mark.parametrize("value", [["spiral"], {"name": "spiral"}, 3, None])
def test_a_dataset_that_is_not_a_name_is_refused_in_one_line_not_looked_up(value):
    with pytest.raises(SettingError, match="dataset must be one of") as caught:
        SETTINGS["dataset"].check(value)
    assert "\n" not in str(caught.value)


def test_a_learning_rate_out_of_range_is_echoed_as_given_not_rounded():
    with pytest.raises(SettingError, match=r"got 100\.0000001"):
        SETTINGS["lr"].check(100.0000001)


def test_the_window_draws_fewer_samples_than_the_headless_commands_train():
    assert SETTINGS["samples"].check(1_000_000, headless=True) == 1_000_000
    with pytest.raises(SettingError, match="samples must be from 10 to 100,000"):
        SETTINGS["samples"].check(1_000_000)


def test_seeds_beyond_what_numpy_distinguishes_are_refused():
    assert SETTINGS["seed"].check(SEED_MAX) == SEED_MAX
    for too_big in (SEED_MAX + 1, 2**70, 10**26):
        with pytest.raises(SettingError, match="seed must be from 0"):
            SETTINGS["seed"].check(too_big)


def test_the_window_takes_equal_hidden_widths_the_commands_any():
    hidden = SETTINGS["hidden"]
    assert hidden.check([8, 8, 8]) == (8, 8, 8)
    assert hidden.check([]) == ()
    assert hidden.check((3, 5), headless=True) == (3, 5)
    for bad in ([3, 5], [65], [1] * 5, "16,16", [True]):
        with pytest.raises(SettingError, match="hidden must be up to 4 equal widths"):
            hidden.check(bad)


def test_speed_is_max_or_iterations_a_second():
    assert SPEED.check("max") == math.inf
    assert SPEED.check(4) == 4.0
    for bad in (0, 10_001, "fast", True, float("nan")):
        with pytest.raises(SettingError, match='speed must be "max"'):
            SPEED.check(bad)


def test_check_settings_skips_unset_values_and_refuses_unknown_names():
    assert check_settings({"samples": 100, "lr": None}) == {"samples": 100}
    with pytest.raises(SettingTypeError, match="unknown setting"):
        check_settings({"sample": 100})


def test_drop_last_with_a_batch_above_the_dataset_is_refused_across_settings():
    with pytest.raises(SettingError, match="would drop every sample"):
        check_settings({"samples": 100, "batch_size": 200, "drop_last": True})
    assert check_settings({"samples": 100, "batch_size": 200})["batch_size"] == 200

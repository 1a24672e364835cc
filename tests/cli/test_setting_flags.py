"""The command line's run flags come from the settings table: one row, the same flag everywhere."""

import pytest

from epochviz.cli.main import build_parser
from epochviz.core.settings import SETTINGS

COMMANDS = (["train"], ["compare"], ["code"])


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_row_with_a_flag_is_a_flag_of_every_command_with_the_rows_default(command):
    args = build_parser().parse_args(command)
    for name, setting in SETTINGS.items():
        if setting.flag:
            assert getattr(args, name) == setting.default, name


def test_the_windows_presets_are_the_same_flags_left_unset_when_not_given():
    args = build_parser().parse_args([])
    assert all(getattr(args, name) is None for name, setting in SETTINGS.items() if setting.flag)


def test_the_window_takes_the_network_and_schedule_flags_train_takes():
    args = build_parser().parse_args(["--hidden", "8,8,8", "--activation", "relu", "--drop-last", "--no-shuffle",
                                      "--seed", "7", "--accumulate", "4"])
    assert (args.hidden, args.activation, args.drop_last, args.shuffle, args.seed, args.accumulate) == (
        (8, 8, 8), "relu", True, False, 7, 4)


@pytest.mark.parametrize("argv, value", [(["train", "--samples", "1,000,000"], 1_000_000),
                                         (["train", "--hidden", "3,5,1024"], (3, 5, 1024))])
def test_headless_commands_go_beyond_what_the_window_draws(argv, value):
    name = argv[1][2:]
    assert getattr(build_parser().parse_args(argv), name) == value

"""The phase player shows every phase for at least one frame, driven here by a clock the test holds."""

from epochviz.core.phases import IDLE, PHASES
from epochviz.qt.views.phase_player import PhasePlayer

ALL = list(range(len(PHASES)))


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def run_frames(player, clock, frames, frame_s):
    for _ in range(frames):
        clock.now += frame_s
        player.tick()


def test_late_frames_still_show_every_phase_in_order(qtbot):
    clock = Clock()
    player = PhasePlayer(clock)
    player.play(0.25)  # 4 iterations per second: 45 ms a phase
    run_frames(player, clock, 10, frame_s=0.5)  # every frame ten times later than a phase lasts
    assert player.shown == [*ALL, IDLE]


def test_an_iteration_that_arrives_mid_animation_waits_for_the_one_on_show(qtbot):
    clock = Clock()
    player = PhasePlayer(clock)
    player.play(0.25)
    run_frames(player, clock, 2, frame_s=0.05)
    assert player.phase == 2
    player.play(0.25)  # the next iteration arrives early
    run_frames(player, clock, 20, frame_s=0.05)
    assert player.shown == [*ALL, *ALL, IDLE]


def test_a_new_run_stops_the_animation_at_once(qtbot):
    clock = Clock()
    player = PhasePlayer(clock)
    player.play(0.25)
    player.play(0.25)
    player.finish()
    run_frames(player, clock, 5, frame_s=0.05)
    assert player.phase == IDLE and player.shown == [0, IDLE]


def test_with_accumulation_forward_loss_and_backward_repeat_before_the_one_update(qtbot):
    clock = Clock()
    player = PhasePlayer(clock)
    player.set_passes(3)
    player.play(0.5)
    run_frames(player, clock, 20, frame_s=0.5)
    batch, forward, loss, backward, update = ALL
    assert player.shown == [batch, *[forward, loss, backward] * 3, update, IDLE]


def test_stepping_by_hand_walks_every_pass(qtbot):
    player = PhasePlayer(Clock())
    player.set_passes(2)
    player.start_manual()
    seen = [(player.phase, player.pass_index)]
    while player.busy:
        player.advance()
        seen.append((player.phase, player.pass_index))
    assert seen == [(0, 1), (1, 1), (2, 1), (3, 1), (1, 2), (2, 2), (3, 2), (4, 2), (IDLE, 2)]

"""The phase caption names the iteration, the epoch and the phase with live numbers."""

from epochviz.core import BatchSchedule
from epochviz.core.phases import IDLE, PHASES
from epochviz.text.phase_text import caption


def test_phases_run_in_the_order_of_an_iteration():
    assert PHASES == ("batch", "forward", "loss", "backward", "update")


def test_caption_of_the_forward_pass():
    s = BatchSchedule(100_000, 100, 10)
    text = caption(PHASES.index("forward"), s, 2_412)
    assert text == "Iteration 412 of 1,000 (epoch 3 of 10): forward pass of 100 samples"


def test_caption_marks_the_partial_last_batch_and_shows_the_loss():
    s = BatchSchedule(105, 10, 2)
    assert "partial last batch" in caption(0, s, 11)
    assert "5 samples" in caption(0, s, 11)
    assert "loss = 0.4213" in caption(PHASES.index("loss"), s, 3, loss=0.42131)
    assert "0.1 ×" in caption(PHASES.index("update"), s, 3, lr=0.1)


def test_caption_before_the_first_iteration_and_while_running():
    s = BatchSchedule(100, 10, 1)
    assert caption(IDLE, s, 0).startswith("Ready")
    assert caption(IDLE, s, 4, running_at=float("inf")).endswith("training as fast as it can, batch after batch")
    assert "training at 100 iterations per second" in caption(IDLE, s, 4, running_at=100.0)

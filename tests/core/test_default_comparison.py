"""The default comparison (1, 32, full at the window's settings) shows what textbooks show, on every dataset.

Per epoch B = 1 gets lowest fastest and B = N is slow; per weight update the
order flips; and no run ends worse than it began (at the default lr 0.3 for
every run, B = 1 ended above its start on spiral, circles and digits).
"""

import itertools

import pytest

from epochviz.core.compare import DEFAULT_BATCH_SIZES, RunTally, compare_configs
from epochviz.core.engine.compare_engine import CompareEngine
from epochviz.core.datasets import DATASETS
from epochviz.core.run_config import RunConfig
from epochviz.core.trainer import build_run

EPOCHS = 2


def default_comparison(dataset: str) -> list[RunConfig]:
    """The runs compare mode opens with on ``dataset`` (the window's N = 2,000), for two epochs."""
    return compare_configs(RunConfig(dataset=dataset, epochs=EPOCHS), DEFAULT_BATCH_SIZES)


def tallies_of(configs: list[RunConfig]) -> list[RunTally]:
    """Every run trained to its end by compare mode's engine, as the window tallies them."""
    engine = CompareEngine()
    engine.configure(configs, 1)
    engine.play()
    tallies = [RunTally() for _ in configs]
    while engine.busy:
        engine.run(0.0, 60.0)
        for tally, lane in zip(tallies, engine.take_chunk().lanes):
            tally.start_loss = lane.start.loss if lane.start is not None else tally.start_loss
            tally.diverged |= lane.state == "diverged"
            for end in lane.epoch_ends:
                tally.add_epoch_end(end.loss, end.accuracy)
    return tallies


def loss_after(config: RunConfig, updates: int) -> float:
    """The whole dataset's loss after the first ``updates`` weight updates of ``config``."""
    trainer = build_run(config)
    for _ in itertools.islice(trainer, updates):
        pass
    return trainer.model.evaluate(trainer.X, trainer.y)[0]


@pytest.mark.parametrize("dataset", DATASETS)
def test_per_epoch_b1_is_lowest_and_no_run_ends_worse_than_it_began(dataset):
    one, mini, full = tallies_of(default_comparison(dataset))
    assert one.epoch_losses[1] < full.epoch_losses[1]  # the end of epoch 2
    assert one.epoch_losses[0] < mini.epoch_losses[0] < full.epoch_losses[0]  # lowest fastest: epoch 1 already
    for tally in (one, mini, full):
        assert len(tally.epoch_losses) == EPOCHS and tally.verdict() is None
        assert tally.epoch_losses[-1] < tally.start_loss


@pytest.mark.parametrize("dataset", DATASETS)
def test_per_weight_update_the_order_flips(dataset):
    one, _, full = default_comparison(dataset)
    updates = full.schedule().total_iterations  # all that B = N gets: one per epoch
    assert loss_after(full, updates) < loss_after(one, updates)

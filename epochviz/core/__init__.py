"""The pure-numpy core of epochviz: schedule arithmetic, datasets, network, trainer.

Nothing under ``epochviz.core`` imports Qt or pyqtgraph, so it can be used from
scripts, tests, a worker process or a notebook alike.
"""

from epochviz.core.datasets import DATASETS, DatasetInfo, dataset_info, make_dataset
from epochviz.core.mlp import ACTIVATIONS, MLP
from epochviz.core.schedule import BatchSchedule, ScheduleFacts
from epochviz.core.run_config import RunConfig
from epochviz.core.trainer import StepRecord, Trainer, build_run, train

__all__ = [
    "ACTIVATIONS",
    "DATASETS",
    "MLP",
    "BatchSchedule",
    "DatasetInfo",
    "RunConfig",
    "ScheduleFacts",
    "StepRecord",
    "Trainer",
    "build_run",
    "dataset_info",
    "make_dataset",
    "train",
]

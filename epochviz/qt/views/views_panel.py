"""The row that shows *why* the words mean what they mean: data, network, what it learned.

``LearningViews`` holds the dataset view, the network diagram and the boundary
(or per-class accuracy) view, the phase caption (which the window's layout puts
above the views and the chart, across both), and the ``PhasePlayer`` that
walks an iteration through its phases. It receives the run session's chunks
(through ``OneRunScreen``) and only draws.
"""

from __future__ import annotations

import math
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QWidget

from epochviz.core.code.counters import loop_position
from epochviz.core.datasets import dataset_info
from epochviz.core.phases import IDLE
from epochviz.core.sample_states import SampleStates
from epochviz.core.schedule import BatchSchedule
from epochviz.core.engine.session import Chunk, RunConfig, boundary_extent
from epochviz.qt.views.boundary_view import MAX_DRAWN_POINTS, BoundaryView, density_rgba
from epochviz.qt.views.dataset_view import DatasetView
from epochviz.qt.widgets.live_text import LiveText
from epochviz.qt.views.network_view import NetworkView
from epochviz.text.phase_text import caption
from epochviz.qt.views.phase_player import SLOW_MOTION_ITS, PhasePlayer

FULL_SPEED_NETWORK_S = 0.2
ROW_SHARES = (4, 3, 3)  # data, network, boundary: their shares of one row (the grid needs room for its key)
NETWORK_SHARE = 10  # at full speed, a redraw of the network diagram at most every 10x its paint time


@dataclass(frozen=True)
class ViewData:
    """A run's data as the views draw it: points, images, and a density image for many points."""

    config: RunConfig
    X: np.ndarray
    y: np.ndarray
    images: np.ndarray | None
    density: np.ndarray | None


def prepare_view_data(config: RunConfig) -> ViewData:
    """The run's dataset (``RunConfig.data``, the trainer's own) and what the views need of it (any thread)."""
    info = dataset_info(config.dataset)
    X, y = config.data()
    images = X.reshape(-1, *info.image_shape) if info.image_shape else None
    many = images is None and len(X) > MAX_DRAWN_POINTS
    density = density_rgba(X, y, boundary_extent(X)) if many else None
    return ViewData(config, X, y, images, density)


def _longest_caption() -> str:
    """About the widest caption a run shows, in this language: the one before the first iteration,
    or one at iteration 10,000 of 10,000 (epoch 100 of 100)."""
    schedule = BatchSchedule(1_000_000_000, 100_000, 100)
    return max(caption(IDLE, schedule, 0), caption(IDLE, schedule, 1_000_000), key=len)


_DATA_MAKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="epochviz-data")


class LearningViews(QWidget):
    """Dataset, network and boundary views and the phase caption, fed by ``on_chunk``."""

    loop_moved = Signal(object)  # each drawn frame: the training loop's ``LoopPosition``, for the code view

    def __init__(self) -> None:
        super().__init__()
        self.caption = LiveText(" ", lines=2, name="phaseCaption", longest=_longest_caption())
        font = QFont()
        font.setPointSize(13)
        self.caption.setFont(font)
        self.dataset = DatasetView()
        self.network = NetworkView()
        self.boundary = BoundaryView()
        self.player = PhasePlayer()
        self.player.changed.connect(self._on_phase)
        self.grid = QGridLayout()
        self.two_rows: bool | None = None
        self.arrange(two_rows=False)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.setLayout(self.grid)  # the caption is placed by the window's layout, across views and chart

        self._data_job: Future | None = None
        self._data_wanted: RunConfig | None = None
        self.schedule: BatchSchedule | None = None
        self.config: RunConfig | None = None
        self.states: SampleStates | None = None
        self.iteration = 0
        self.batch_size = 0
        self.loss: float | None = None
        self.weights: list[np.ndarray] | None = None
        self.previous: list[np.ndarray] | None = None
        self.grad_norms: list[float] | None = None
        self.speed = math.inf
        self.playing = False
        self.awaiting_phase_step = False
        self._dirty = True
        self._network_due = 0.0

    def arrange(self, two_rows: bool) -> None:
        """Data, network and boundary in one row (a wide room), or data and boundary above the network."""
        if two_rows == self.two_rows:
            return
        self.two_rows = two_rows
        grid = self.grid
        for view in (self.dataset, self.network, self.boundary):
            grid.removeWidget(view)
        for i in range(3):
            grid.setRowStretch(i, 0)
            grid.setColumnStretch(i, 0)
        if two_rows:
            grid.addWidget(self.dataset, 0, 0)
            grid.addWidget(self.boundary, 0, 1)
            grid.addWidget(self.network, 1, 0, 1, 2)
            for i in range(2):
                grid.setRowStretch(i, 1)
                grid.setColumnStretch(i, 1)
        else:
            for column, (view, share) in enumerate(zip((self.dataset, self.network, self.boundary), ROW_SHARES)):
                grid.addWidget(view, 0, column)
                grid.setColumnStretch(column, share)
            grid.setRowStretch(0, 1)
        self.updateGeometry()  # its least height changed: the layouts around it ask again

    def least_height(self, width: int, two_rows: bool = False) -> int:
        """The least height of the views at ``width``, in one row or two (to weigh a layout before choosing it)."""
        gap = self.grid.horizontalSpacing()
        if two_rows:
            top = max(self.dataset.least_height((width - gap) // 2), self.boundary.minimumHeight())
            return top + self.grid.verticalSpacing() + self.network.minimumHeight()
        data_width = (width - 2 * gap) * ROW_SHARES[0] // sum(ROW_SHARES)
        return max(self.dataset.least_height(data_width), self.network.minimumHeight(), self.boundary.minimumHeight())

    def fit_rows(self, width: int, height: int) -> None:
        """Two rows where they fit ``height`` and give the smallest view a larger side than one row does."""
        larger = min(width / 2, height / 2) > min(width / 3, height)
        self.arrange(two_rows=larger and self.least_height(width, two_rows=True) <= height)

    # -- runs -------------------------------------------------------------------
    def set_run(self, config: RunConfig, schedule: BatchSchedule) -> None:
        """A new run: clear everything (cheap, called on every slider move)."""
        self.config, self.schedule = config, schedule
        self.states = SampleStates(schedule)
        self.iteration, self.batch_size, self.loss = 0, 0, None
        self.weights = self.previous = self.grad_norms = None
        self.awaiting_phase_step = False
        self.player.finish()
        self.dataset.set_held_out(bool(schedule.held_out))
        self.boundary.set_held_out(bool(schedule.held_out))
        self.dataset.set_run(schedule.dataset_samples, None, schedule.epochs, schedule.dropped_per_epoch > 0)
        self.boundary.set_run(None, None, dataset_info(config.dataset).image_shape is not None)
        self._dirty = True
        self.refresh()

    def load_data(self) -> None:
        """Generate the run's data here too (same seed as the trainer), on a worker thread.

        100,000 digits take about 0.3 s to make: on the GUI thread, a few dataset
        switches froze the window. Only the newest request is ever computed.
        """
        self._data_wanted = self.config
        if self._data_job is None:
            self._data_job = _DATA_MAKER.submit(prepare_view_data, self.config)

    def finish_loading(self, timeout_s: float = 30.0) -> None:
        """Wait for the run's data (screenshots, scripts), then show it."""
        while self._data_job is not None:
            self._data_job.result(timeout_s)
            self._take_data()

    def drawn_complete(self) -> bool:
        """Whether the views have all they draw for the run: its data and the network's weights."""
        self._take_data()
        return self._data_job is None and self.weights is not None

    def _take_data(self) -> None:
        job = self._data_job
        if job is None or not job.done():
            return
        self._data_job = None
        if job.exception() is not None:
            return  # the trainer reports a bad dataset in words; the views just stay empty
        data = job.result()
        if data.config != self._data_wanted:
            self._data_job = _DATA_MAKER.submit(prepare_view_data, self._data_wanted)
            return
        if data.config == self.config:
            self.dataset.set_run(data.config.samples, data.images, data.config.epochs,
                                 self.schedule.dropped_per_epoch > 0)
            self.boundary.set_run(None if data.images is not None else data.X, data.y, data.images is not None,
                                  data.density,
                                  keep_boundary=True)
            self._dirty = True

    # -- updates ------------------------------------------------------------------
    def on_chunk(self, chunk: Chunk) -> None:
        if chunk.weights is not None:
            if len(chunk):
                self.previous = self.weights
            self.weights = chunk.weights
        if chunk.grad_norms is not None:
            self.grad_norms = chunk.grad_norms
        if chunk.boundary is not None:
            self.boundary.set_boundary(chunk.boundary)
        for end in chunk.epoch_ends:
            if end.confusion is not None:
                self.boundary.set_epoch_end(end)
        if len(chunk):
            self.iteration = int(chunk.global_iteration[-1])
            self.batch_size = int(chunk.batch_size[-1])
            self.loss = float(chunk.loss[-1])
            self._start_phases(len(chunk))
        self._dirty = True  # drawn at the window's next frame, with the counters

    def _start_phases(self, n_new: int) -> None:
        if not self.player.busy or self.awaiting_phase_step:  # this iteration's passes (fewer for an epoch's last)
            self.player.set_passes(-(-self.batch_size // self.schedule.micro_batch_size))
        if self.awaiting_phase_step:
            self.awaiting_phase_step = False
            self.player.start_manual()
        elif self.playing and self.speed <= SLOW_MOTION_ITS and n_new == 1:
            self.player.play(1.0 / self.speed)
        elif self.player.busy:
            self.player.finish()

    def set_transport(self, *, playing: bool, speed: float) -> None:
        self.playing, self.speed = playing, speed
        if playing and self.player.manual:
            self.player.finish()
        self._dirty = True

    def step_phase(self) -> bool:
        """Advance the iteration on show by one phase.

        Returns True when no iteration is on show: the caller runs a new one,
        whose first phase shows (and waits) when it arrives.
        """
        if self.player.busy:
            self.player.manual = True
            self.player.advance()
            return False
        self.awaiting_phase_step = True
        return True

    # -- drawing ------------------------------------------------------------------
    def _on_phase(self) -> None:
        self._dirty = True
        self._network_due = 0.0  # every animation frame of a phase shows at once
        self.refresh()

    def refresh(self) -> None:
        """Redraw the views if anything changed (the window's frame calls it, with the counters)."""
        self._take_data()
        if not self._dirty or self.schedule is None:
            return
        self._dirty = False
        schedule, g = self.schedule, self.iteration
        states = self.states.at(g)
        batch = self.states.batch_indices(g)
        epoch, _ = schedule.position(g)
        self.dataset.set_state(states, epoch, batch)
        self.boundary.set_batch(batch)
        self._show_caption()
        self.loop_moved.emit(loop_position(schedule, g, self.player.phase, self.player.pass_index))
        full_speed = self.playing and self.speed > SLOW_MOTION_ITS
        # Hundreds of weight lines are the costliest drawing here: at full speed, where
        # the weights change every frame anyway, a few redraws a second show them well.
        now = time.perf_counter()
        if full_speed and now < self._network_due:
            self._dirty = True
            return
        # At most about a tenth of the GUI thread for the diagram, however slow its paint is here.
        self._network_due = now + max(FULL_SPEED_NETWORK_S, NETWORK_SHARE * self.network.paint_s)
        self.network.set_state(
            widths=self.config.widths,
            weights=self.weights, previous=self.previous, grad_norms=self.grad_norms,
            phase=self.player.phase, progress=self.player.progress,
            batch_size=self.batch_size or schedule.effective_batch_size, loss=self.loss,
            passes=(self.player.pass_index, self.player.passes),
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:  # Qt's word that the language changed
            self.retranslate()

    def retranslate(self) -> None:
        """The caption and every view's words again, in the current language."""
        self.caption.set_longest(_longest_caption())
        self.refresh_all()

    def refresh_all(self) -> None:
        """Draw every view again now, network included (after a theme change)."""
        self._dirty, self._network_due = True, 0.0
        self.refresh()
        for view in (self.dataset, self.network, self.boundary):
            view.update()

    def _show_caption(self) -> None:
        running_at = self.speed if self.playing and self.player.phase == IDLE else None
        self.caption.setText(
            caption(self.player.phase, self.schedule, self.iteration, self.loss, self.config.lr, running_at,
                    self.player.pass_index)
        )

    @property
    def phase(self) -> int:
        return self.player.phase

"""``epochviz compare``: train 2 to 4 batch sizes headless, one progress line each, then the table.

The runs go one after the other (each timed alone, training compute only),
from the same data, initial weights and shuffles; ``--json`` prints one object
``{"runs": [...]}`` with a ``core.compare.summary`` per run, in the order given.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import time
from typing import TextIO

from epochviz.text.compare_text import column_words, label_template, verdict_words
from epochviz.cli.exit_codes import EXIT_INTERRUPTED
from epochviz.core.compare import DEFAULT_LR_RULE, LR_RULES, RunTally, compare_configs, figure_text, run_label, summary
from epochviz.core.run_config import RunConfig
from epochviz.core.trainer import build_run
from epochviz.text.translations import explain, translate

TABLE_COLUMNS = ("batch", "updates_per_epoch", "total_updates", "ms_per_update", "samples_per_s",
                 "seconds_per_epoch", "memory_per_iteration_bytes", "final_loss", "final_accuracy")
TABLE_MAX_WIDTH = 1000  # the table is never squeezed to the terminal's width: a narrow one wraps its lines
VALIDATION_COLUMNS = ("final_val_loss", "final_val_accuracy")  # only when the runs hold samples out


def add_compare_parser(sub, training_args) -> argparse.ArgumentParser:
    """The ``compare`` subcommand's flags (``training_args`` adds --dataset, --samples, --epochs, --lr)."""
    from epochviz.cli.arguments import batch_sizes

    parser = sub.add_parser("compare",
                            help=translate("cli", "train 2 to 4 batch sizes side by side and compare their costs"))
    training_args(parser)
    parser.add_argument("--batch-sizes", type=batch_sizes, default=[1, 32, "full"], metavar="B,B,...",
                        help=translate("cli", "2 to 4 batch sizes, 'full' for N (default 1,32,full)"))
    parser.add_argument("--lr-rule", choices=LR_RULES, default=DEFAULT_LR_RULE,
                        help=translate("cli", "each run's learning rate: sqrt = lr × √(B / 32), at most 1 (stable for "
                                              "each batch size; the default), same = lr for every run, linear = lr × "
                                              "B / the first run's B"))
    parser.add_argument("--scale-lr", dest="lr_rule", action="store_const", const="linear",
                        help=translate("cli", "scale the learning rate with the batch size, relative to the first run "
                                              "(--lr-rule linear)"))
    parser.add_argument("--json", action="store_true",
                        help=translate("cli", "print the runs' figures as one JSON object"))
    return parser


def format_table(rows: list[dict]) -> str:
    """The comparison as right-aligned text columns two spaces apart, one line per run (the validation figures with a split).

    rich lays it out: it measures a Chinese character as the two terminal cells it takes.
    """
    from rich.console import Console  # here, not at import: every epochviz command imports this module
    from rich.table import Table
    from rich.text import Text

    words = column_words()
    columns = TABLE_COLUMNS + (VALIDATION_COLUMNS if any(row.get("validation_samples") for row in rows) else ())
    table = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 0, 0, 2), header_style=None)
    for key in columns:
        table.add_column(Text(words[key][0]), justify="right", no_wrap=True)
    for row in rows:
        table.add_row(*(Text(figure_text(key, row)) for key in columns))  # Text: no markup is read in them
    console = Console(file=io.StringIO(), width=TABLE_MAX_WIDTH, color_system=None, highlight=False)
    console.print(table)
    return console.file.getvalue().rstrip("\n")


class RunLine:
    """One run's progress: a live bar on a terminal, one line when it ends otherwise."""

    def __init__(self, label: str, total: int, stream: TextIO) -> None:
        from rich.console import Console  # here, not at import: every epochviz command imports this module
        from rich.progress import BarColumn, Progress, TextColumn

        self.console = Console(file=stream, highlight=False)
        self.label, self.total = label, total
        self._progress = None
        self._last_draw = 0.0
        if self.console.is_terminal:
            self._progress = Progress(TextColumn("{task.description}"), BarColumn(bar_width=20),
                                      TextColumn(translate("compare_cli", "{done}/{total} updates").format(
                                          done="{task.completed:,}", total="{task.total:,}")
                                          + " - {task.fields[loss]}"),
                                      console=self.console)
            self._progress.start()
            self._task = self._progress.add_task(label, total=total, loss="")

    def advance(self, done: int, loss: float) -> None:
        now = time.perf_counter()
        if self._progress is not None and (now - self._last_draw > 0.05 or done == self.total):
            self._last_draw = now
            self._progress.update(self._task, completed=done, loss=translate("compare_cli", "loss: {loss}").format(
                loss=f"{loss:.4f}"))

    def finish(self, done: int, row: dict) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
            return
        loss = "-" if row["final_loss"] is None else f"{row['final_loss']:.4f}"
        updates = translate("compare_cli", "{done}/{total} updates").format(done=f"{done:,}", total=f"{self.total:,}")
        per_epoch = translate("compare_cli", "{seconds} s/epoch").format(seconds=f"{row['seconds_per_epoch'] or 0:.3g}")
        self.console.print(f"{self.label}  {updates} {'━' * 20} {per_epoch} - "
                           + translate("compare_cli", "loss: {loss}").format(loss=loss), soft_wrap=True)


def train_one(config: RunConfig, stream: TextIO | None) -> dict:
    """Train ``config`` to its end (or its divergence); its summary, with ``diverged``."""
    trainer = build_run(config)
    tally = RunTally()
    line = RunLine(run_label(config, label_template()), trainer.schedule.total_iterations, stream) if stream else None
    for record in trainer:
        tally.add(1, record.batch_size, record.seconds)
        if record.start_loss is not None:
            tally.start_loss = record.start_loss
        if record.epoch_end and record.epoch_loss is not None:
            tally.add_epoch_end(record.epoch_loss, record.epoch_accuracy, record.val_loss, record.val_accuracy)
        if line is not None:
            line.advance(tally.updates, record.loss)
        if record.diverged:
            tally.diverged = True
            break
    row = summary(config, tally)
    if line is not None:
        line.finish(tally.updates, row)
    return row


def run_compare(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Train every run, then print the table (or the JSON); 130 on Ctrl+C."""
    from epochviz.core.run_memory import INTERPRETER, check_fits, resident_bytes

    base = RunConfig.pick(vars(args))
    try:
        configs = compare_configs(base, args.batch_sizes, lr_rule=args.lr_rule)
    except ValueError as exc:
        parser.error(translate("cli", "argument {flag}: {problem}").format(flag="--batch-sizes", problem=explain(exc)))
    for config in configs:
        try:
            check_fits(config.widths, config.samples, config.batch_size, config.activation,
                       base=resident_bytes() or INTERPRETER)
        except MemoryError as exc:
            parser.error(translate("cli", "argument {flag}: {problem}").format(
                flag="--batch-sizes", problem=f"B = {config.batch_size:,}: {explain(exc)}"))
    rows = []
    try:
        for config in configs:
            rows.append(train_one(config, None if args.json else sys.stdout))
    except KeyboardInterrupt:
        print(translate("compare_cli", "Interrupted during the run of B = {b}.").format(
            b=f"{configs[len(rows)].batch_size:,}"), file=sys.stderr)
        return EXIT_INTERRUPTED
    if args.json:
        print(json.dumps({"runs": rows}))
        return 0
    print()
    print(format_table(rows))
    for row in rows:
        words = verdict_words(row)
        if words:
            print(words)
    return 0

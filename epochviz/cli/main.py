"""The ``epochviz`` command: the window by default, ``schedule`` and ``train`` subcommands.

Every bad value ends with exit status 2 and a single line naming the flag and
the value, never a traceback: a lecturer types these live.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from dataclasses import asdict
from typing import NoReturn

from epochviz import __version__
from epochviz.cli.arguments import (
    accumulation,
    batch_sizes,
    cut,
    join_negative_values,
    output_path,
    png_path,
    positive_float,
    positive_int,
    window_size,
)
from epochviz.cli.setting_flags import add_setting_flags, run_flag_names
from epochviz.cli.exit_codes import EXIT_INTERRUPTED, EXIT_USAGE
from epochviz.core.code.listing import STYLES
from epochviz.core.phases import PHASES
from epochviz.core.run_config import RunConfig
from epochviz.core.schedule import BatchSchedule
from epochviz.cli.output import OutputError, ShowUntilReaderLeaves, WatchedOutput, output_failed
from epochviz.cli.argparse_words import argparse_in_our_language
from epochviz.cli.code import add_code_parser, run_code
from epochviz.cli.compare import add_compare_parser, run_compare
from epochviz.text.schedule_text import describe_schedule
from epochviz.text.translations import LANGUAGES, explain, system_language, translate, units, use_language
from epochviz.core.window_options import THEME_NAMES, WINDOW_MAX_SCALE, WINDOW_MIN_SCALE

MESSAGE_LIMIT = 300


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        # One line whatever was typed: control characters escaped, a huge echo cut.
        printable = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        if len(printable) > MESSAGE_LIMIT:
            printable = printable[:MESSAGE_LIMIT] + f"... ({len(printable):,} characters)"
        self.exit(EXIT_USAGE, translate("cli", "{prog}: error: {message}").format(prog=self.prog, message=printable)
                  + "\n")


def add_run_flags(parser: argparse.ArgumentParser) -> None:
    """Every setting of a run, for a command that trains headless (``train``, ``compare``, ``code``)."""
    add_setting_flags(parser, run_flag_names(), headless=True)


def add_language_arg(parser: argparse.ArgumentParser, window: bool = False) -> None:
    """``--lang {en,zh_CN}``: the language of the output or the window (default: the system locale's).

    A subcommand's flag leaves the value alone when it is not given (``SUPPRESS``),
    so ``epochviz --lang zh_CN schedule ...`` keeps the top-level choice. JSON keys stay English.
    """
    if window:
        parser.add_argument("--lang", choices=LANGUAGES, default=None,
                            help=translate("cli", "the window's language, English or Simplified Chinese (default: the "
                                                  "one chosen last in the Language menu, else the locale's)"))
    else:
        parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                            help=translate("cli", "print in English or Simplified Chinese (default: from the locale)"))




def projector_scale(text: str) -> float:
    """argparse type: a scale from 0.75 to 2.5 (``150%`` also reads as 1.5; one percent sign, not ``150%%``)."""
    number = text.strip()
    percent = number.endswith("%")
    try:
        value = positive_float(number[:-1] if percent else number) / (100 if percent else 1)
    except argparse.ArgumentTypeError:
        value = math.nan
    if not WINDOW_MIN_SCALE <= value <= WINDOW_MAX_SCALE:
        raise argparse.ArgumentTypeError(translate("cli", "must be from {low} to {high} ({low_percent} to "
                                                          "{high_percent}), got {value}").format(
            low=f"{WINDOW_MIN_SCALE:g}", high=f"{WINDOW_MAX_SCALE:g}", low_percent=f"{WINDOW_MIN_SCALE:.0%}",
            high_percent=f"{WINDOW_MAX_SCALE:.0%}", value=cut(text)))
    return value


def scene_argument(text: str):
    """argparse type: a built-in scene or a scene file, read and checked now (a ``Scene``).

    The window gets the scene read here, not the name: a file changed after this
    check must not reach the window unchecked, nor be read twice.
    """
    from epochviz.core.scenes import SceneError, find_scene

    try:
        return find_scene(text)
    except SceneError as exc:
        raise argparse.ArgumentTypeError(explain(exc)) from None


def check_run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Checks across flags that argparse cannot make one flag at a time."""
    parser = parser.commands.get(args.command, parser)  # errors carry the subcommand's name
    samples, batch = getattr(args, "samples", None), getattr(args, "batch_size", None)
    split = getattr(args, "validation_split", None)
    trained = check_split_leaves_samples(parser, samples, split) if split and samples is not None else samples
    given = trained is not None and batch is not None  # the window's presets may leave either to the panel
    if getattr(args, "drop_last", False) and args.command != "compare" and given and batch > trained:  # compare: per run
        if trained != samples:
            parser.error(translate("cli", "argument --drop-last: with --batch-size {batch} above the {trained} "
                                          "training samples it would drop every sample").format(
                batch=batch, trained=trained))
        parser.error(translate("cli", "argument --drop-last: with --batch-size {batch} above --samples {samples} it "
                                      "would drop every sample").format(batch=batch, samples=samples))
    if args.command is None:  # the window
        check_window_flags(parser, args)


def check_split_leaves_samples(parser: argparse.ArgumentParser, samples: int, split: float) -> int:
    """N_train for ``--samples`` and ``--validation-split``; a one-line error when no sample is left to train on."""
    from epochviz.core.settings import training_samples

    trained = training_samples(samples, split)
    if trained < 1:
        parser.error(translate("cli", "argument --validation-split: {split} of {samples} samples leaves none to "
                                      "train on").format(split=f"{split:g}", samples=f"{samples:,}"))
    return trained


def check_window_flags(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A window flag that would be ignored is refused: each goes with the flag that uses it."""
    if args.phase and not args.screenshot:
        parser.error(translate("cli", "argument --phase: goes with --screenshot"))
    if args.phase and args.compare:
        parser.error(translate("cli", "argument --phase: not with --compare (a comparison has no slow motion)"))
    for flag, value in (("--seconds", args.seconds), ("--fps", args.fps)):
        if value is not None and not args.record:
            parser.error(translate("cli", "argument {flag}: goes with --record").format(flag=flag))
    if args.chart_size and not args.export_chart:
        parser.error(translate("cli", "argument --chart-size: goes with --export-chart"))
    if args.record:
        check_recording_timing(parser, args.seconds, args.fps)


def check_recording_timing(parser: argparse.ArgumentParser, seconds: float | None, fps: float | None) -> None:
    """``--seconds`` up to 600 and ``--fps`` from 1 to 60, each refused with a line naming it."""
    from epochviz.core.recording import MAX_FPS, MAX_SECONDS, MIN_FPS

    if seconds is not None and seconds > MAX_SECONDS:
        parser.error(translate("cli", "argument --seconds: record at most {most} s, got {value}").format(
            most=f"{MAX_SECONDS:g}", value=f"{seconds:.15g}"))
    if fps is not None and not MIN_FPS <= fps <= MAX_FPS:
        words = translate("cli", "argument --fps: must be from {low} to {high} frames a second, got {value}")
        parser.error(words.format(low=f"{MIN_FPS:g}", high=f"{MAX_FPS:g}", value=f"{fps:.15g}"))


def build_parser() -> OneLineParser:
    parser = OneLineParser(
        prog="epochviz",
        description=translate("cli", "See what an epoch, a batch and an iteration are while a small network "
                                     "trains. With no command, opens the window."),
    )
    parser.add_argument("--version", action="version", version=f"epochviz {__version__}",
                        help=translate("cli", "show the version number and exit"))
    add_setting_flags(parser, run_flag_names(), headless=False, defaults=False)  # the window's presets
    parser.add_argument("--play", action="store_true",
                        help=translate("cli", "start training as soon as the window opens"))
    parser.add_argument("--compare", type=batch_sizes, metavar="B,B,...",
                        help=translate("cli", "open in compare mode with 2 to 4 batch sizes, e.g. 1,32,full ('full' "
                                              "is N)"))
    pictures = parser.add_mutually_exclusive_group()
    pictures.add_argument("--screenshot", type=png_path, metavar="PNG",
                          help=translate("cli", "train offscreen, save the window as PNG, exit"))
    pictures.add_argument("--export-chart", type=output_path(".png", ".svg"), metavar="FILE",
                          help=translate("cli", "train offscreen, save the loss chart as PNG or SVG, exit"))
    pictures.add_argument("--record", type=output_path(".gif", ".mp4"), metavar="FILE",
                          help=translate("cli", "record the window offscreen as an animated GIF or an MP4, exit (with "
                                                "--play: training)"))
    parser.add_argument("--scale", type=projector_scale, default=1.0, metavar="F",
                        help=translate("cli", "everything larger or smaller for a projector, 0.75 to 2.5 (Ctrl+= / "
                                              "Ctrl+- in the window)"))
    parser.add_argument("--theme", choices=THEME_NAMES,
                        help=translate("cli", "colours of the window (default: the system's light or dark preference)"))
    parser.add_argument("--tour", action="store_true",
                        help=translate("cli", "start the built-in tour at scene 1 (Page Down: next)"))
    parser.add_argument("--scene", type=scene_argument, metavar="NAME|FILE",
                        help=translate("cli", "start from a built-in scene (its number or name) or a scene .json file"))
    parser.add_argument("--seconds", type=positive_float, metavar="S",
                        help=translate("cli", "with --record: how long, up to 600 s (default 10); the recording has "
                                              "seconds x fps frames, rounded, at least 1"))
    parser.add_argument("--fps", type=positive_float, metavar="F",
                        help=translate("cli", "with --record: frames a second, 1 to 60 (default 20 for GIF, 30 for "
                                              "MP4)"))
    parser.add_argument(
        "--iterations", type=positive_int, default=300, metavar="K",
        help=translate("cli", "iterations to train before --screenshot (default 300)"),
    )
    parser.add_argument(
        "--window-size", type=window_size, metavar="WxH",
        help=translate("cli", "window size, e.g. 1280x720 (default 1600x900)"),
    )
    parser.add_argument(
        "--chart-size", type=window_size, metavar="WxH",
        help=translate("cli", "with --export-chart: the picture's size (default 1920x1080, a slide)"),
    )
    parser.add_argument(
        "--phase", choices=PHASES,
        help=translate("cli", "with --screenshot: show iteration K+1 in slow motion, halfway through this phase"),
    )
    parser.add_argument("--code", choices=STYLES,
                        help=translate("cli", "show the training loop as code below the views, written with this "
                                              "library (View > Code in the window)"))
    add_language_arg(parser, window=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    sched = sub.add_parser("schedule", help=translate("cli", "print the epoch/batch/iteration arithmetic"))
    parser.commands = {"schedule": sched}
    sched.add_argument("--samples", type=positive_int, required=True, metavar="N",
                       help=translate("cli", "dataset size N"))
    sched.add_argument("--batch-size", type=positive_int, required=True, metavar="B",
                       help=translate("cli", "batch size B"))
    sched.add_argument("--epochs", type=positive_int, default=1, metavar="E", help=translate("cli", "number of epochs"))
    sched.add_argument("--drop-last", action="store_true",
                       help=translate("cli", "drop each epoch's partial last batch"))
    sched.add_argument("--accumulate", type=accumulation, default=1, metavar="K",
                       help=translate("cli", "accumulate gradients over K batches per weight update (default 1: off)"))
    add_setting_flags(sched, ["validation_split"], headless=True)
    sched.add_argument("--json", action="store_true", help=translate("cli", "print the facts as one JSON object"))
    add_language_arg(sched)

    tr = sub.add_parser("train", help=translate("cli", "train headless with Keras-style progress"))
    parser.commands["train"] = tr
    add_run_flags(tr)
    tr.add_argument("--csv", type=output_path(".csv"), metavar="FILE",
                    help=translate("cli", "write the per-iteration log (loss, smoothed loss, samples seen, epoch "
                                          "figures) as CSV"))
    tr.add_argument("--json", action="store_true",
                    help=translate("cli", "print the run's figures at every epoch end (training and validation) as "
                                          "one JSON object at the end, and no progress lines"))
    add_language_arg(tr)
    parser.commands["compare"] = add_compare_parser(sub, add_run_flags)
    add_language_arg(parser.commands["compare"])
    parser.commands["code"] = add_code_parser(sub, add_run_flags)
    add_language_arg(parser.commands["code"])
    return parser


def run_schedule(args: argparse.Namespace) -> int:
    from epochviz.core.holdout import split_sizes

    trained, held_out = split_sizes(args.samples, args.validation_split)  # N counts the training samples only
    facts = BatchSchedule(trained, args.batch_size, args.epochs, drop_last=args.drop_last,
                          accumulate=args.accumulate, held_out=held_out).facts()
    if args.json:
        print(json.dumps(asdict(facts)))
    else:
        print(describe_schedule(facts))
    return 0


def run_train(args: argparse.Namespace) -> int:
    from epochviz.core.run_memory import INTERPRETER, check_fits, resident_bytes
    from epochviz.core.run_log import ExportError, LogCollector
    from epochviz.core.trainer import build_run

    config = RunConfig.pick(vars(args))
    try:  # before anything is allocated: a run that cannot fit is refused, not swapped or crashed
        check_fits(config.widths, config.samples, config.batch_size, config.activation,
                   base=resident_bytes() or INTERPRETER)
    except MemoryError as exc:
        print(translate("cli", "epochviz train: error: {problem}").format(problem=explain(exc)), file=sys.stderr)
        return EXIT_USAGE
    trainer = build_run(config)
    log = LogCollector() if args.csv else None
    if args.json:
        code = _train_for_json(trainer, config, args, log)
    else:
        code = _train_with_progress(trainer, args, log)
    if log is not None:
        try:
            path = log.write(args.csv, trainer.schedule)
        except ExportError as exc:
            print(translate("cli", "epochviz train: error: {problem}").format(problem=explain(exc)), file=sys.stderr)
            return code or 1
        print(translate("train", "Log of {iterations} written to {path}").format(
            iterations=units(len(log), "iteration"), path=path), file=sys.stderr)
    return code


def _diverged_words(record, lr: float) -> str:
    return translate("train", "Training diverged at iteration {iteration}: the loss is {loss}. Try a smaller learning "
                              "rate than {lr}.").format(iteration=f"{record.global_iteration:,}", loss=record.loss,
                                                        lr=f"{lr:g}")


def _log_record(log, record) -> None:
    """One iteration into the CSV log (its epoch figures, validation too, at an epoch end)."""
    if log is not None:
        log.add(record.global_iteration, record.loss, record.epoch_loss, record.epoch_accuracy, record.val_loss,
                record.val_accuracy)


def _train_for_json(trainer, config: RunConfig, args: argparse.Namespace, log) -> int:
    """Run ``trainer`` without progress lines, then print its figures as one JSON object; 0, 1 or 130.

    Standard output holds the JSON alone (a diverged run's sentence goes to
    stderr); Ctrl+C prints no JSON, since the run's figures are not whole.
    """
    from epochviz.core.run_report import RunReport

    report = RunReport(config)
    try:
        for record in trainer:
            _log_record(log, record)
            report.add(record)
    except KeyboardInterrupt:
        epoch, iteration = trainer.schedule.position(report.iterations)
        print(translate("train", "Interrupted at epoch {epoch}, iteration {iteration}.").format(
            epoch=f"{epoch:,}", iteration=f"{iteration:,}"), file=sys.stderr)
        return EXIT_INTERRUPTED
    print(json.dumps(report.as_dict()))
    if report.diverged:
        print(_diverged_words(record, args.lr), file=sys.stderr)
        return 1
    return 0


def _train_with_progress(trainer, args: argparse.Namespace, log) -> int:
    """Run ``trainer`` with Keras-style progress; 0, 1 (diverged) or 130 (Ctrl+C)."""
    from epochviz.cli.progress_line import EpochProgress

    schedule = trainer.schedule
    done = (1, 0)  # (epoch, iteration) of the last completed iteration
    show = ShowUntilReaderLeaves(keep_going=log is not None)  # a log still to write outlives the reader
    try:
        with EpochProgress(schedule.epochs, schedule.iterations_per_epoch, sys.stdout) as progress:
            show(progress.start, 1)  # before the first iteration, so its time is counted
            for record in trainer:
                done = (record.epoch, record.iteration)
                _log_record(log, record)
                show(progress.advance, record.batch_size, record.loss, record.accuracy)
                if record.diverged:
                    show(progress.finish)
                    show(print, _diverged_words(record, args.lr))
                    return 1
                if record.epoch_end:
                    show(progress.finish, record.val_loss, record.val_accuracy)
                    if record.epoch < schedule.epochs:
                        show(progress.start, record.epoch + 1)
    except KeyboardInterrupt:
        print(translate("train", "Interrupted at epoch {epoch}, iteration {iteration}.").format(
            epoch=f"{done[0]:,}", iteration=f"{done[1]:,}"), file=sys.stderr)
        return EXIT_INTERRUPTED
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``epochviz`` console script and ``python -m epochviz``.

    Standard output is watched while the command runs and flushed before it
    returns: a reader that left (``| head``) ends it quietly with status 0, a
    full output (``> /dev/full``) with one line and status 1 (``epochviz.cli.output``).
    """
    stdout = sys.stdout
    if stdout is None:  # started with stdout closed (``>&-``): print() writes nowhere
        return _run_and_flush(argv)
    sys.stdout = WatchedOutput(stdout)
    try:
        return _run_and_flush(argv)
    except OutputError as problem:
        return output_failed(problem, stdout)
    finally:
        sys.stdout = stdout


def _run_and_flush(argv: Sequence[str] | None) -> int:
    """``_run``, then what it printed written out (argparse's --help and --version end in SystemExit)."""
    try:
        code = _run(argv)
    except SystemExit:
        _flush_stdout()
        raise
    _flush_stdout()
    return code


def _flush_stdout() -> None:
    """Write out what is buffered now, while a failure can still be reported (not at interpreter exit)."""
    if sys.stdout is not None:
        sys.stdout.flush()


def language_asked(argv: Sequence[str]) -> str | None:
    """The last ``--lang`` of ``argv`` that names a language, read before argparse (which words help and errors)."""
    asked = None
    for word, following in zip(argv, [*argv[1:], ""]):
        value = following if word == "--lang" else word[len("--lang="):] if word.startswith("--lang=") else None
        asked = value if value in LANGUAGES else asked
    return asked


def _run(argv: Sequence[str] | None) -> int:
    argv = join_negative_values(list(sys.argv[1:] if argv is None else argv))
    use_language(language_asked(argv) or system_language())  # help and errors too
    argparse_in_our_language()
    parser = build_parser()
    args = parser.parse_args(argv)
    check_run(parser, args)
    if args.command == "schedule":
        return run_schedule(args)
    if args.command == "train":
        return run_train(args)
    if args.command == "compare":
        return run_compare(args, parser.commands["compare"])
    if args.command == "code":
        return run_code(args, parser.commands["code"])
    from epochviz.app import run_window  # Qt is imported only for the window

    return run_window(args)

"""``epochviz code``: the training loop of a set-up as a complete PyTorch, Keras or numpy script.

It prints the script (for slides and handouts), or writes it with ``-o FILE.py``,
whole or not at all. The script is code and stays English; the messages
around it follow the command line's language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from epochviz.cli.arguments import layer_widths, output_path, seed
from epochviz.core.code.listing import STYLES, script
from epochviz.core.datasets import MAX_SAMPLES
from epochviz.core.mlp import ACTIVATIONS
from epochviz.text.translations import explain, translate

EXIT_WRITE_FAILED = 1


def add_code_parser(sub, training_args: Callable[[argparse.ArgumentParser], None]) -> argparse.ArgumentParser:
    """The ``code`` subcommand and its flags (``training_args`` adds --dataset, --samples, ... --accumulate)."""
    parser = sub.add_parser("code", help=translate("cli", "print the training loop of a set-up as a complete "
                                                          "PyTorch, Keras or numpy script"))
    parser.add_argument("--style", choices=STYLES, default="pytorch",
                        help=translate("cli", "the library the script uses (default pytorch; numpy needs nothing "
                                              "else)"))
    training_args(parser)
    parser.add_argument("--hidden", type=layer_widths, default=(16, 16), metavar="W,W",
                        help=translate("cli", "hidden widths"))
    parser.add_argument("--activation", choices=ACTIVATIONS, default="tanh",
                        help=translate("cli", "activation after every hidden layer"))
    parser.add_argument("--seed", type=seed, default=0, help=translate("cli", "seed of the data, weights and shuffles"))
    parser.add_argument("--drop-last", action="store_true",
                        help=translate("cli", "drop each epoch's partial last batch"))
    parser.add_argument("--no-shuffle", action="store_true",
                        help=translate("cli", "visit samples in order every epoch"))
    parser.add_argument("-o", "--output", type=output_path(".py"), metavar="FILE.py",
                        help=translate("cli", "write the script to FILE.py instead of printing it"))
    return parser


def code_config(args: argparse.Namespace):
    """The ``RunConfig`` the flags describe."""
    from epochviz.core.engine.session import RunConfig

    return RunConfig(dataset=args.dataset, samples=args.samples, batch_size=args.batch_size, epochs=args.epochs,
                     lr=args.lr, hidden=tuple(args.hidden), activation=args.activation, shuffle=not args.no_shuffle,
                     drop_last=args.drop_last, seed=args.seed, accumulate=args.accumulate,
                     validation_split=args.validation_split)


def run_code(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Print the script, or write it to ``--output``: 0, or 1 (one line on stderr) when it cannot be written."""
    from epochviz.core.run_log import ExportError, write_text_atomically

    if args.samples > MAX_SAMPLES:  # the script's dataset is made by the same rules as the window's
        parser.error(translate("cli", "argument --samples: at most {most} for a dataset, got {samples}").format(
            most=f"{MAX_SAMPLES:,}", samples=args.samples))
    try:
        text = script(code_config(args), args.style)
    except ValueError as exc:
        parser.error(explain(exc))
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        path = write_text_atomically(args.output, lambda stream: stream.write(text))
    except ExportError as exc:
        print(translate("cli", "epochviz code: error: {problem}").format(problem=explain(exc)), file=sys.stderr)
        return EXIT_WRITE_FAILED
    print(translate("cli", "Script written to {path}").format(path=path), file=sys.stderr)
    return 0

"""``epochviz code``: the training loop of a set-up as a complete PyTorch, Keras or numpy script.

It prints the script (for slides and handouts), or writes it with ``-o FILE.py``,
whole or not at all. The script is code and stays English; the messages
around it follow the command line's language.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from epochviz.cli.arguments import output_path
from epochviz.core.code.listing import STYLES, script
from epochviz.core.run_config import RunConfig
from epochviz.text.translations import explain, translate

EXIT_WRITE_FAILED = 1


def add_code_parser(sub, training_args: Callable[[argparse.ArgumentParser], None]) -> argparse.ArgumentParser:
    """The ``code`` subcommand and its flags (``training_args`` adds every setting of a run)."""
    parser = sub.add_parser("code", help=translate("cli", "print the training loop of a set-up as a complete "
                                                          "PyTorch, Keras or numpy script"))
    parser.add_argument("--style", choices=STYLES, default="pytorch",
                        help=translate("cli", "the library the script uses (default pytorch; numpy needs nothing "
                                              "else)"))
    training_args(parser)
    parser.add_argument("-o", "--output", type=output_path(".py"), metavar="FILE.py",
                        help=translate("cli", "write the script to FILE.py instead of printing it"))
    return parser


def code_config(args: argparse.Namespace) -> RunConfig:
    """The ``RunConfig`` the flags describe (each flag is a row of the settings table)."""
    return RunConfig.pick(vars(args))


def run_code(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Print the script, or write it to ``--output``: 0, or 1 (one line on stderr) when it cannot be written."""
    from epochviz.core.run_log import ExportError, write_text_atomically

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

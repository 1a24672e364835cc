"""The command line: ``epochviz`` and its subcommands, their flags and their printed words."""

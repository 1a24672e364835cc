"""The statuses the ``epochviz`` command ends with, besides 0 (done) and 1 (a failure it names)."""

EXIT_USAGE = 2  # argparse's status for a command line it refuses
EXIT_INTERRUPTED = 130  # 128 + SIGINT: the shell's status for a command ended by Ctrl+C

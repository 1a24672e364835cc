"""The CSV log: one row per iteration, exact numbers, and files written whole or not at all."""

import csv
import errno
import io

import numpy as np
import pytest

from epochviz.core.run_log import HEADER, ExportError, log_rows, write_log, write_text_atomically
from epochviz.core.schedule import BatchSchedule


def test_one_row_per_iteration_with_exact_numbers_and_epoch_figures_at_epoch_ends():
    schedule = BatchSchedule(10, 4, 2)  # 3 iterations an epoch, the last batch 2
    losses = np.array([1 / 3, 0.1, np.inf, 2e-17, 0.5, 0.25])
    smoothed = losses * 0.9
    out = io.StringIO()
    write_log(out, log_rows(schedule, losses, smoothed, {3: (0.7, 0.5), 6: (0.6, 0.75)}))
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == HEADER and len(rows) == 7
    assert [float(r[4]) for r in rows[1:]] == losses.tolist()  # parse back exactly, inf included
    assert [r[:4] for r in rows[1:]] == [["1", "1", "1", "4"], ["1", "2", "2", "4"], ["1", "3", "3", "2"],
                                         ["2", "1", "4", "4"], ["2", "2", "5", "4"], ["2", "3", "6", "2"]]
    assert [int(r[6]) for r in rows[1:]] == [schedule.samples_seen(g) for g in range(1, 7)]
    no_split = ["", ""]  # val_loss, val_accuracy: blank without a validation split
    assert [r[7:] for r in rows[1:]] == [["", ""] + no_split, ["", ""] + no_split, ["0.7", "0.5"] + no_split,
                                         ["", ""] + no_split, ["", ""] + no_split, ["0.6", "0.75"] + no_split]


def test_a_missing_folder_is_one_line_and_no_file(tmp_path):
    target = tmp_path / "no" / "log.csv"
    with pytest.raises(ExportError, match="the folder .* does not exist"):
        write_text_atomically(target, lambda stream: stream.write("x"))
    assert not target.exists()


def test_a_full_disk_leaves_no_half_written_file(tmp_path, monkeypatch):
    target = tmp_path / "log.csv"

    def fill(stream):
        stream.write("epoch,iteration\n")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError, match="the disk is full"):
        write_text_atomically(target, fill)
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_when_the_new_one_is_complete(tmp_path):
    target = tmp_path / "log.csv"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        write_text_atomically(target, lambda stream: (stream.write("new"), (_ for _ in ()).throw(RuntimeError())))
    assert target.read_text() == "old" and len(list(tmp_path.iterdir())) == 1
    write_text_atomically(target, lambda stream: stream.write("new"))
    assert target.read_text() == "new"


def test_an_export_onto_a_fifo_is_refused_and_leaves_it_a_fifo(tmp_path):
    import os
    import stat

    import pytest

    from epochviz.core.run_log import ExportError, write_text_atomically

    fifo = tmp_path / "log.csv"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="not a regular file"):
        write_text_atomically(fifo, lambda stream: stream.write("x"))
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and os.listdir(tmp_path) == ["log.csv"]

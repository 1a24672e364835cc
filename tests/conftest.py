"""Test configuration: every Qt test runs headless on the offscreen platform, in English.

The tests read English words, and the app follows the locale: so the language
is pinned here, for this process and for every command a test starts, whatever
the machine's locale (LANG=zh_CN.UTF-8 ran 89 tests into Chinese). A test that
checks Chinese asks for it itself (``--lang zh_CN``, ``language="zh_CN"``, or
LANG in the environment it gives a subprocess).
"""

import os
import tempfile
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read or write the user's real settings: the app remembers into this file instead.
os.environ["EPOCHVIZ_SETTINGS"] = os.path.join(tempfile.mkdtemp(prefix="epochviz-test-settings-"), "settings.ini")
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):  # each would win over LANG
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

from epochviz.text.translations import use_language  # noqa: E402 - once the environment is set

use_language("en")  # and in this process: a window made without language= keeps English


@pytest.fixture(scope="session")
def wheel_names(tmp_path_factory):
    """The file names inside a wheel built from a copy of the checkout's tracked files.

    A copy, because setuptools builds in the source tree's build/ folder: a stale
    one (a module since moved) would slip into the wheel, and two builds at once
    would trip over each other.
    """
    import shutil
    import subprocess
    import sys
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    source = tmp_path_factory.mktemp("source")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    names = [n for n in tracked.decode().split("\0") if n] if tracked else []
    if not names:  # not a git checkout: everything but the usual leftovers
        names = [str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()
                 and not {".venv", "build", ".git", "__pycache__"} & set(p.relative_to(root).parts)]
    for name in names:
        if (root / name).is_file():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(source)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = out.glob("epochviz-*.whl")
    return zipfile.ZipFile(wheel).namelist()

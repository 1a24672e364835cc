"""Test configuration: every Qt test runs headless on the offscreen platform, in English.

The tests read English words, and the app follows the locale: so the language
is pinned here, for this process and for every command a test starts, whatever
the machine's locale (LANG=zh_CN.UTF-8 ran 89 tests into Chinese). A test that
checks Chinese asks for it itself (``--lang zh_CN``, ``language="zh_CN"``, or
LANG in the environment it gives a subprocess).
"""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read or write the user's real settings: the app remembers into this file instead.
os.environ["EPOCHVIZ_SETTINGS"] = os.path.join(tempfile.mkdtemp(prefix="epochviz-test-settings-"), "settings.ini")
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):  # each would win over LANG
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

from epochviz.text.translations import use_language  # noqa: E402 - once the environment is set

use_language("en")  # and in this process: a window made without language= keeps English

"""Test configuration: every Qt test runs headless on the offscreen platform."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never read or write the user's real settings: the app remembers into this file instead.
os.environ["EPOCHVIZ_SETTINGS"] = os.path.join(tempfile.mkdtemp(prefix="epochviz-test-settings-"), "settings.ini")

"""Test configuration: every Qt test runs headless on the offscreen platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

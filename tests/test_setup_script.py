"""scripts/install-system-deps: exact, quiet and root-free on a machine that has everything.

CI runs it before the tests, so here everything the offscreen mode needs is installed.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "install-system-deps"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Debian/Ubuntu set-up script")


def test_the_check_is_quiet_and_succeeds_every_time_when_nothing_is_missing():
    for _ in range(8):  # the old pipe race reported a library missing in 9 runs of 10
        result = subprocess.run(["bash", str(SCRIPT), "offscreen"], capture_output=True, text=True, timeout=60)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None, reason="needs root to become another user")
def test_a_user_who_is_not_root_passes_the_check_without_apt():
    result = subprocess.run(  # the script on stdin: the checkout may not be readable by nobody
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "bash", "-s", "offscreen"],
        input=SCRIPT.read_text(), capture_output=True, text=True, timeout=60, cwd="/",
        env={"PATH": os.environ["PATH"]},
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("setpriv") is None or shutil.which("fc-list") is None,
                    reason="needs root to become another user, and fontconfig")
def test_without_a_chinese_font_a_user_is_told_which_to_install(request):
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="epochviz-fonts-"))  # readable by nobody, unlike tmp_path
    request.addfinalizer(lambda: shutil.rmtree(folder, ignore_errors=True))
    folder.chmod(0o755)
    def font_files(pattern: str) -> set[Path]:
        listed = subprocess.run(["fc-list", pattern, "--format", "%{file}\n"], capture_output=True, text=True)
        return {Path(line) for line in listed.stdout.splitlines() if line}

    latin = sorted(font_files(":lang=en") - font_files(":lang=zh"))
    if not latin:
        pytest.skip("no font without Chinese to keep")
    latin = latin[0].parent
    (folder / "fonts.conf").write_text(f'<?xml version="1.0"?><fontconfig><dir>{latin}</dir>'
                                       f"<cachedir>{folder}/cache</cachedir></fontconfig>")
    (folder / "cache").mkdir(mode=0o777)
    (folder / "cache").chmod(0o777)
    hidden = {"FONTCONFIG_FILE": str(folder / "fonts.conf")}
    if subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, env={**os.environ, **hidden}).stdout:
        pytest.skip(f"{latin} holds a Chinese font too")
    result = subprocess.run(
        ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "bash", "-s", "offscreen"],
        input=SCRIPT.read_text(), capture_output=True, text=True, timeout=60, cwd="/",
        env={"PATH": os.environ["PATH"], **hidden},
    )
    assert result.returncode == 0 and result.stdout == ""
    assert result.stderr.startswith("epochviz: Qt may need: sudo apt-get install fonts-wqy-microhei")

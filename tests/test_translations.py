"""The translations can never silently fall behind the code: complete .ts, current .qm, shipped in the wheel."""

import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))
BIN = Path(sys.executable).parent


def tool(name):
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name)


def sources():
    return sorted(str(p) for p in (ROOT / "epochviz").rglob("*.py"))


def entries(ts_path):
    """(context, source, translation type or None) of every message."""
    root = ET.parse(ts_path).getroot()
    return [(c.findtext("name"), m.findtext("source"), m.find("translation").get("type"))
            for c in root.iter("context") for m in c.iter("message")]


def translations(ts_path):
    """(context, source, translation) of every message."""
    root = ET.parse(ts_path).getroot()
    return [(c.findtext("name"), m.findtext("source"), m.findtext("translation") or "")
            for c in root.iter("context") for m in c.iter("message")]


def test_there_is_a_chinese_translation():
    assert [p.name for p in TS_FILES] == ["epochviz_zh_CN.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_string_of_the_code_is_translated_and_none_is_left_over(ts, tmp_path):
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    subprocess.run([tool("pyside6-lupdate"), "-locations", "none", *sources(), "-ts", str(copy)],
                   check=True, capture_output=True)
    found = entries(copy)
    unfinished = [(c, s) for c, s, kind in found if kind == "unfinished"]
    obsolete = [(c, s) for c, s, kind in found if kind in ("vanished", "obsolete")]
    assert not unfinished, f"strings without a translation (run scripts/update-translations): {unfinished}"
    assert not obsolete, f"translations of strings the code no longer has: {obsolete}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_translation_fills_the_same_blanks_as_its_source(ts):
    # A {name} missing from a translation would show a hole; an extra one would raise KeyError in .format.
    wrong = [(c, s, t) for c, s, t in translations(ts)
             if sorted(re.findall(r"\{\w*\}", s)) != sorted(re.findall(r"\{\w*\}", t))]
    assert not wrong


def test_epoch_is_never_translated_as_era():
    # 时代 ("era") is the literal mistranslation of "epoch" that the source text itself contains.
    for ts in TS_FILES:
        assert not [t for _, _, t in translations(ts) if "时代" in t]


def test_every_builtin_scene_is_marked_for_translation():
    from epochviz.core.scenes import builtin_scenes
    from epochviz.qt.presenting.scene_words import SCENE_WORDS

    for scene in builtin_scenes():
        assert scene.name in SCENE_WORDS and scene.caption in SCENE_WORDS, scene.name


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_shipped_qm_is_compiled_from_the_current_ts(ts, tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    shipped = ROOT / "epochviz" / "resources" / "translations" / f"{ts.stem}.qm"
    assert shipped.read_bytes() == fresh.read_bytes(), "the .qm is older than its .ts: run scripts/update-translations"


def test_the_wheel_contains_the_compiled_translations(wheel_names):
    names = wheel_names
    assert "epochviz/resources/translations/epochviz_zh_CN.qm" in names


def run_cli(*argv, env_lang=None):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    if env_lang:
        env["LANG"] = env_lang
    return subprocess.run([sys.executable, "-m", "epochviz", *argv], capture_output=True, text=True,
                          env=env, check=True).stdout


def test_schedule_prints_the_source_texts_example_in_chinese():
    out = run_cli("schedule", "--samples", "10000", "--batch-size", "10", "--lang", "zh_CN")
    assert "每轮迭代次数 = ceil(10,000 / 10) = 1,000" in out
    assert "轮次 (epoch)" in out and "批大小 (batch size)" in out and "迭代 (iteration)" in out
    assert "时代" not in out  # never the literal mistranslation of epoch


def test_a_chinese_locale_chooses_chinese_and_lang_en_overrides_it():
    assert "每轮迭代次数" in run_cli("schedule", "--samples", "100", "--batch-size", "10", env_lang="zh_CN.UTF-8")
    out = run_cli("schedule", "--samples", "100", "--batch-size", "10", "--lang", "en", env_lang="zh_CN.UTF-8")
    assert "iterations per epoch = ceil(100 / 10) = 10" in out


def test_train_prints_chinese_and_json_keys_stay_english():
    out = run_cli("train", "--samples", "200", "--batch-size", "20", "--epochs", "2", "--lang", "zh_CN")
    lines = out.splitlines()
    assert lines[0] == "轮次 (epoch) 1/2" and lines[2] == "轮次 2/2"
    assert "准确率: " in lines[1] and " - 损失: " in lines[1]
    facts = run_cli("schedule", "--samples", "100", "--batch-size", "10", "--json", "--lang", "zh_CN")
    assert '"iterations_per_epoch": 10' in facts


def test_lang_before_the_command_holds_and_the_window_takes_it_too():
    from epochviz.cli.main import build_parser

    parser = build_parser()
    assert parser.parse_args(["--lang", "zh_CN"]).lang == "zh_CN"  # the window
    assert parser.parse_args([]).lang is None  # then the remembered choice, else the locale
    assert parser.parse_args(["--lang", "zh_CN", "schedule", "--samples", "9", "--batch-size", "3"]).lang == "zh_CN"
    assert parser.parse_args(["schedule", "--samples", "9", "--batch-size", "3", "--lang", "en"]).lang == "en"


def terminal_cells(text: str) -> int:
    """The terminal columns ``text`` takes: a wide (Chinese) character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_ends(line: str) -> list[int]:
    """The terminal column where each field of ``line`` ends (fields are two or more spaces apart)."""
    ends, cells = [], 0
    for field in re.split(r"( {2,})", line):
        cells += terminal_cells(field)
        if field.strip():
            ends.append(cells)
    return ends


def test_compare_prints_its_table_in_chinese_with_the_columns_aligned():
    out = run_cli("compare", "--samples", "300", "--batch-sizes", "1,30", "--epochs", "1", "--lang", "zh_CN")
    table = out.strip().splitlines()[-3:]
    assert "迭代/轮" in table[0] and "每轮 10 次迭代" in out
    assert len({terminal_cells(line) for line in table}) == 1  # a Chinese character takes two columns
    assert column_ends(table[0]) == column_ends(table[1]) == column_ends(table[2])  # every column right-aligned


def test_no_literal_is_translated_inside_an_f_string():
    # pyside6-lupdate does not look inside f-strings: such a text would never reach the .ts file.
    hidden = re.compile(r"\{translate\(\s*['\"]\w+['\"],\s*['\"]")
    found = [path for path in sources() if hidden.search(Path(path).read_text(encoding="utf-8"))]
    assert not found


def test_help_and_errors_speak_chinese_too():
    help_text = run_cli("--lang", "zh_CN", "--help")
    assert help_text.startswith("用法：epochviz") and "批大小 (batch size) B" in help_text
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    bad = subprocess.run([sys.executable, "-m", "epochviz", "schedule", "--samples", "-5", "--batch-size", "2",
                          "--lang", "zh_CN"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2
    assert bad.stderr == "epochviz schedule：错误：参数 --samples：必须是正整数，收到的是 '-5'\n"


@pytest.fixture
def chinese():
    from epochviz.text.translations import use_language

    assert use_language("zh_CN")
    yield
    use_language("en")


def test_errors_from_the_core_are_worded_again_in_chinese(tmp_path, chinese):
    from epochviz.core.run_log import ExportError, write_atomically
    from epochviz.core.scenes import SceneError, load_scene
    from epochviz.text.translations import explain

    bad = tmp_path / "lesson.json"
    bad.write_text('{"name": "x", "dataset": "spiral", "samples": 100, "batch_size": 10, "colour": 1}')
    with pytest.raises(SceneError) as scene:
        load_scene(bad)
    assert str(scene.value).startswith("lesson.json: unknown key 'colour'")  # the core's own words stay English
    assert explain(scene.value).startswith("lesson.json：未知的键 'colour'（场景包含：name, caption")
    with pytest.raises(ExportError) as export:
        write_atomically(tmp_path / "missing" / "chart.png", lambda path: None)
    assert explain(export.value) == f"无法写入 {tmp_path / 'missing' / 'chart.png'}：文件夹 {tmp_path / 'missing'} 不存在"
    assert explain(ValueError("not worded")) == "not worded"


def test_tests_that_read_english_pass_under_a_chinese_locale(tmp_path):
    # A few tests that read English from a subprocess, from main() and from a window, run the way a
    # Chinese user runs the suite: they pass because the test configuration pins the language.
    chosen = ["tests/cli/test_cli.py::test_one_of_everything_is_singular",
              "tests/cli/test_cli.py::test_schedule_writes_the_worked_example_as_on_a_board",
              "tests/qt/test_app_cli.py::test_command_line_presets_reach_the_window"]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", *chosen],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:]

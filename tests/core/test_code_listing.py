"""The scripts of ``core.code_listing``: they run, count as ``epochviz schedule`` does, and train as epochviz does."""

import ast
import io
import itertools
import json
import re
import subprocess
import sys
import tokenize

import numpy as np
import pytest

from epochviz.cli.main import main
from epochviz.core.code.data import generator_source
from epochviz.core.code.listing import STYLES, listing, script
from epochviz.core.code.words import PHRASES
from epochviz.core.datasets import DATASETS, make_dataset
from epochviz.core.phases import PHASES
from epochviz.core.run_config import RunConfig
from epochviz.core.trainer import build_run

# The printed label of each count, and its key in ``epochviz schedule --json``.
COUNT_KEYS = {"iterations per epoch": "iterations_per_epoch", "forward passes per epoch": "forward_passes_per_epoch",
              "updates per epoch": "updates_per_epoch", "effective batch": "effective_batch_size",
              "last batch": "last_batch_size", "total iterations": "total_iterations"}
PLAIN_KEYS = {"iterations_per_epoch", "last_batch_size", "total_iterations"}
ACCUMULATING_KEYS = {"forward_passes_per_epoch", "updates_per_epoch", "effective_batch_size", "last_batch_size",
                     "total_iterations"}


def printed_counts(out: str) -> dict[str, int]:
    """The counts a script printed (``  last batch = 26 samples`` gives last_batch_size 26): each line's last number."""
    counts = {}
    for line in out.splitlines():
        label, _, value = line.strip().partition(" = ")
        if label.strip() in COUNT_KEYS:
            counts[COUNT_KEYS[label.strip()]] = int(re.findall(r"[0-9][0-9,]*", value)[-1].replace(",", ""))
    return counts


def schedule_json(config: RunConfig, capsys) -> dict:
    """What ``epochviz schedule --json`` prints for the config's N, B, E, drop-last and K."""
    argv = ["schedule", "--samples", str(config.samples), "--batch-size", str(config.batch_size),
            "--epochs", str(config.epochs), "--accumulate", str(config.accumulate),
            "--validation-split", str(config.validation_split), "--json"]
    assert main(argv + (["--drop-last"] if config.drop_last else [])) == 0
    return json.loads(capsys.readouterr().out)


def expected_counts(config: RunConfig, capsys) -> dict[str, int]:
    facts = schedule_json(config, capsys)
    return {key: facts[key] for key in (PLAIN_KEYS if config.accumulate == 1 else ACCUMULATING_KEYS)}


def epoch_losses(out: str) -> list[float]:
    return [float(x) for x in re.findall(r"^epoch \d+/\d+: loss (\S+),", out, flags=re.MULTILINE)]


def validation_losses(out: str) -> list[float]:
    return [float(x) for x in re.findall(r"val_loss (\S+),", out)]


# Set-ups for the numpy script: B dividing N or not, drop-last, accumulation, B > N, each activation, no shuffle.
NUMPY_SETUPS = {
    "B divides N": RunConfig(samples=200, batch_size=20, epochs=2),
    "partial last batch": RunConfig(samples=203, batch_size=20, epochs=2, activation="relu"),
    "drop-last": RunConfig(samples=203, batch_size=20, epochs=2, drop_last=True, activation="sigmoid"),
    "accumulation": RunConfig(samples=200, batch_size=8, epochs=2, accumulate=4),
    "accumulation, drop-last": RunConfig(samples=203, batch_size=8, epochs=1, accumulate=3, drop_last=True,
                                         activation="relu", shuffle=False),
    "B above N": RunConfig(samples=50, batch_size=64, epochs=2, accumulate=2, activation="sigmoid"),
    "digits, no hidden layer": RunConfig(dataset="digits", samples=120, batch_size=25, epochs=2, hidden=(),
                                         seed=5),
    "validation split": RunConfig(samples=203, batch_size=20, epochs=2, validation_split=0.2, seed=4),
    "validation, accumulation, drop-last": RunConfig(samples=203, batch_size=8, epochs=2, accumulate=3,
                                                     drop_last=True, shuffle=False, validation_split=0.3),
}


@pytest.fixture(scope="module")
def numpy_runs(tmp_path_factory):
    """Each set-up's numpy script, run once as a file by the venv's Python in isolated mode: name -> stdout."""
    folder = tmp_path_factory.mktemp("numpy-scripts")
    outputs = {}
    for name, config in NUMPY_SETUPS.items():
        path = folder / f"{len(outputs)}.py"
        path.write_text(script(config, "numpy"), encoding="utf-8")
        run = subprocess.run([sys.executable, "-I", str(path)], capture_output=True, text=True, timeout=60)
        assert run.returncode == 0 and not run.stderr, (name, run.stderr)
        outputs[name] = run.stdout
    return outputs


@pytest.mark.parametrize("name", NUMPY_SETUPS)
def test_the_numpy_script_prints_the_counts_of_epochviz_schedule(name, numpy_runs, capsys):
    config = NUMPY_SETUPS[name]
    assert printed_counts(numpy_runs[name]) == expected_counts(config, capsys)


@pytest.mark.parametrize("name", NUMPY_SETUPS)
def test_the_numpy_script_trains_as_epochviz_does(name, numpy_runs):
    # Same data, initial weights, shuffles and arithmetic: each epoch's loss over the whole dataset is the app's
    # (printed to 4 decimals, so within rounding and float32 order-of-summation noise).
    config = NUMPY_SETUPS[name]
    ends = [record for record in build_run(config) if record.epoch_end]
    printed = epoch_losses(numpy_runs[name])
    assert len(printed) == config.epochs
    np.testing.assert_allclose(printed, [record.epoch_loss for record in ends], atol=1e-4)
    if config.validation_split:  # the same held-out samples, measured at the same moments
        np.testing.assert_allclose(validation_losses(numpy_runs[name]), [r.val_loss for r in ends], atol=1e-4)
    else:
        assert "val_loss" not in numpy_runs[name]


def test_the_numpy_script_prints_the_training_sample_count_it_uses(numpy_runs):
    out = numpy_runs["validation split"]
    assert "41 held out for validation: N_train = 162" in out and "162 samples, batch size 20" in out


def test_the_numpy_script_lowers_the_loss(tmp_path):
    config = RunConfig(dataset="blobs", samples=200, batch_size=10, epochs=3, lr=0.3)
    path = tmp_path / "train.py"
    path.write_text(script(config, "numpy"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-I", str(path)], capture_output=True, text=True, check=True,
                         timeout=60).stdout
    losses = epoch_losses(out)
    assert len(losses) == 3 and losses[-1] < losses[0] < np.log(4)  # better than guessing among 4 classes


def test_the_numpy_script_imports_numpy_alone():
    for config in NUMPY_SETUPS.values():
        tree = ast.parse(script(config, "numpy"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                    for alias in node.names}
        assert imported <= {"math", "numpy"}


@pytest.mark.parametrize("name", DATASETS)
def test_the_embedded_generator_makes_the_same_samples_as_make_dataset(name):
    function, source = generator_source(name)
    space = {"np": np}
    exec(compile(source, f"<{function}>", "exec"), space)  # noqa: S102 - our own source text, under test
    for n, noise, seed in ((1, 0.1, 0), (333, 0.0, 7), (1000, 0.37, 2**40)):
        X, y = space[function](n, noise, seed)
        expected_X, expected_y = make_dataset(name, n, noise=noise, seed=seed)
        assert X.dtype == expected_X.dtype and y.dtype == expected_y.dtype
        np.testing.assert_array_equal(X, expected_X)
        np.testing.assert_array_equal(y, expected_y)


def test_a_script_embeds_its_own_dataset_only():
    text = script(RunConfig(dataset="circles", samples=100), "numpy")
    assert "def make_circles(" in text and "X, y = make_circles(N, NOISE, SEED)" in text
    assert not {"make_spiral", "make_xor", "make_blobs", "make_digits"} & set(re.findall(r"make_\w+", text))


SETUP_GRID = [RunConfig(samples=100, batch_size=16, epochs=2, accumulate=k, drop_last=drop, shuffle=shuffle,
                        activation=activation, hidden=hidden, dataset=dataset, validation_split=split)
              for k, drop, shuffle, activation, hidden, dataset, split in itertools.product(
                  (1, 3), (False, True), (False, True), ("tanh", "relu", "sigmoid"), ((), (8, 4)), ("xor", "digits"),
                  (0.0, 0.25))]


@pytest.mark.parametrize("style", STYLES)
def test_every_script_compiles(style):
    for config in SETUP_GRID:
        compile(script(config, style), f"<{style}>", "exec")


@pytest.mark.parametrize("style", STYLES)
def test_every_line_fits_a_slide(style):
    for config in SETUP_GRID:
        assert max(len(line) for line in listing(config, style).lines) <= 100


def test_the_pytorch_script_fills_in_the_set_up():
    config = RunConfig(samples=10_000, batch_size=10, epochs=10, lr=0.05, hidden=(32, 8), activation="relu",
                       drop_last=True, shuffle=False, seed=3, accumulate=4)
    text = script(config, "pytorch")
    for line in ("N = 10000", "B = 10", "E = 10", "K = 4", "LR = 0.05", "SEED = 3"):
        assert re.search(rf"^{re.escape(line)}\s", text, flags=re.MULTILINE), line
    assert "DataLoader(dataset, batch_size=B, shuffle=False, drop_last=True)" in text
    assert "nn.Linear(2, 32), nn.ReLU()," in text and "nn.Linear(32, 8), nn.ReLU()," in text
    assert "nn.Linear(8, 3)," in text
    assert 'print(f"  forward passes per epoch = floor({N} / {B}) = {len(loader)}")' in text


def test_the_keras_script_uses_fit_and_the_optimizers_own_accumulation():
    text = script(RunConfig(samples=1000, batch_size=32, epochs=5, shuffle=False), "keras")
    assert "model.fit(X, y, batch_size=B, epochs=E, shuffle=False, verbose=2, callbacks=[EpochEnd()])" in text
    assert "steps_per_epoch = math.ceil(len(X) / B)" in text and "tensorflow" not in text
    accumulating = script(RunConfig(samples=1000, batch_size=32, accumulate=4), "keras")
    assert "keras.optimizers.SGD(learning_rate=LR, gradient_accumulation_steps=K)" in accumulating
    dropping = script(RunConfig(samples=1000, batch_size=32, drop_last=True), "keras")
    assert ".batch(B, drop_remainder=True)" in dropping and "int(train_data.cardinality())" in dropping
    assert "model.fit(train_data, epochs=E" in dropping


# What the line of each phase holds, per style; the accumulating variant where it differs.
PHASE_CODE = {
    "pytorch": {"batch": ["for xb, yb in loader:"], "forward": ["logits = model(xb)"],
                "loss": ["loss = loss_fn(logits, yb)"], "backward": ["loss.backward()"],
                "update": ["optimizer.step()", "optimizer.zero_grad()"]},
    "numpy": {"batch": ["idx = order[begin:begin + B]", "xb, yb = X[idx], y[idx]"],
              "forward": ["forward(layers, xb)"], "loss": ["softmax_cross_entropy(logits, yb)"],
              "backward": ["backward(layers, inputs, dlogits / len(yb), grads)"],
              "update": ["sgd_step(layers, grads, LR)", "zero_grad(grads)"]},
    # Keras: fit runs the loops; the comments that write them out above the fit call are what a view highlights.
    "keras": {"batch": ["for each batch of B samples"], "forward": ["forward pass: logits = model(xb)"],
              "loss": ["loss: loss_fn(yb, logits)"], "backward": ["backward pass"],
              "update": ["update: optimizer.apply(gradients)"]},
}
ACCUMULATING_CODE = {"pytorch": {"batch": ["for i, (xb, yb) in enumerate(loader, start=1):"],
                                 "backward": ["(loss * len(yb) / group).backward()"]},
                     "numpy": {"backward": ["backward(layers, inputs, dlogits / group, grads)"]}}
LOOP_CODE = {"pytorch": ("for epoch in range(1, E + 1):", "for xb, yb in loader:", "model.eval()"),
             "numpy": ("for epoch in range(1, E + 1):", "for begin in starts:", "evaluate(layers, X, y)"),
             "keras": ("for each epoch", "for each batch", "def on_epoch_end(")}


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("k", [1, 4])
def test_each_phase_points_at_the_lines_that_run_it(style, k):
    result = listing(RunConfig(samples=1003, batch_size=10, accumulate=k), style)
    expected = {**PHASE_CODE[style], **(ACCUMULATING_CODE.get(style, {}) if k > 1 else {})}
    for phase in PHASES:
        lines = [result.lines[n - 1] for n in result.phases[phase]]
        assert len(lines) == len(expected[phase]), phase
        for line, code in zip(lines, expected[phase]):
            assert code in line, (phase, line)
            assert line.lstrip().startswith("#") == (style == "keras")
    epoch_loop, batch_loop, epoch_end = LOOP_CODE[style]
    assert epoch_loop in result.lines[result.epoch_loop - 1]
    assert (batch_loop if k == 1 or style == "keras" else "enumerate(") in result.lines[result.batch_loop - 1]
    assert any(epoch_end in result.lines[n - 1] for n in result.epoch_end)


@pytest.mark.parametrize("style", STYLES)
def test_the_phases_come_in_order_inside_the_two_loops(style):
    result = listing(RunConfig(samples=100, batch_size=8, accumulate=3, drop_last=True), style)
    order = [result.epoch_loop, result.batch_loop] + [n for phase in PHASES for n in result.phases[phase]]
    order += list(result.epoch_end) if style != "keras" else []  # Keras: the callback is defined before fit
    assert order == sorted(order)

    def depth(n):
        line = result.lines[n - 1]
        return len(line) - len(line.lstrip(" #")) if style == "keras" else len(line) - len(line.lstrip())

    inner = [n for phase in PHASES for n in result.phases[phase] if n != result.batch_loop]
    assert all(depth(n) > depth(result.batch_loop) > depth(result.epoch_loop) for n in inner)
    if style != "keras":  # the epoch end runs in the epoch loop, after the batch loop
        assert all(depth(result.batch_loop) <= depth(n) for n in result.epoch_end)


def comments(text: str) -> list[str]:
    return [token.string for token in tokenize.generate_tokens(io.StringIO(text).readline)
            if token.type == tokenize.COMMENT]


@pytest.mark.parametrize("style", STYLES)
def test_every_comment_is_a_phrase_of_the_table(style):
    asked = []

    def words(phrase):
        asked.append(phrase)
        return "@"

    for config in SETUP_GRID[::5]:
        text = listing(config, style, words).text
        assert all(re.fullmatch(r"# *@", comment) for comment in comments(text)), style
    assert asked and set(asked) <= set(PHRASES)


@pytest.mark.parametrize("style", STYLES)
def test_words_change_the_comments_but_not_the_code_or_its_line_numbers(style):
    config = RunConfig(samples=1003, batch_size=10, accumulate=4, drop_last=True)
    english = listing(config, style)
    other = listing(config, style, words=lambda phrase: "注释 " + phrase + "\nsecond line")
    assert len(other.lines) == len(english.lines)
    assert (other.phases, other.epoch_loop, other.batch_loop, other.epoch_end) == (
        english.phases, english.epoch_loop, english.batch_loop, english.epoch_end)
    for a, b in zip(english.lines, other.lines):
        assert a.split("#")[0] == b.split("#")[0]  # the code before any comment is the same
    assert "# 注释 " in other.text and "second line" in other.text


# What the validation lines hold, per style: inside the epoch end, after the training set's figures.
VALIDATION_CODE = {"pytorch": ("model.eval()", "with torch.no_grad():", "for xb, yb in val_loader:"),
                   "numpy": ("evaluate(layers, X_val, y_val)",),
                   "keras": ("fit measured the held-out samples",)}


@pytest.mark.parametrize("style", STYLES)
def test_the_held_out_samples_are_measured_at_the_epoch_end(style):
    result = listing(RunConfig(samples=203, batch_size=20, validation_split=0.2), style)
    block = [result.lines[n - 1] for n in result.epoch_end]
    for code in VALIDATION_CODE[style]:
        assert any(code in line for line in block), code
    assert result.validation and set(result.validation) <= set(result.epoch_end)
    assert min(result.validation) > min(result.epoch_end)  # after the training set's own figures
    assert "VALIDATION_SPLIT = 0.2" in result.text and not listing(RunConfig(), style).validation


def test_keras_holds_out_with_fits_own_validation_split():
    text = script(RunConfig(samples=203, batch_size=20, validation_split=0.2, shuffle=False), "keras")
    assert "validation_split=VALIDATION_SPLIT" in text and "steps_per_epoch = math.ceil(N_TRAIN / B)" in text
    assert "X, y = np.concatenate([X[~held], X_val]), np.concatenate([y[~held], y_val])" in text
    dropping = script(RunConfig(samples=203, batch_size=20, validation_split=0.2, drop_last=True), "keras")
    assert "validation_data=(X_val, y_val)" in dropping and "from_tensor_slices((X[:N_TRAIN], y[:N_TRAIN]))" in dropping


def test_the_scripts_draw_the_held_out_rows_as_epochviz_does():
    config = RunConfig(samples=203, validation_split=0.3, seed=11)
    text = script(config, "numpy")
    start = text.index("N_TRAIN = ")
    space = {"np": np, "N": 203, "SEED": 11, "VALIDATION_SPLIT": 0.3,
             "X": np.arange(203.0)[:, None], "y": np.arange(203)}
    exec(text[start:text.index("X, y, N = ", start)], space)  # noqa: S102 - our own script, under test
    assert np.array_equal(np.flatnonzero(space["held"]), config.hold_out().val_rows)


def test_an_unknown_style_or_an_impossible_set_up_is_refused():
    with pytest.raises(ValueError, match="style must be one of pytorch, keras, numpy"):
        listing(RunConfig(), "julia")
    with pytest.raises(ValueError, match="drop_last"):
        listing(RunConfig(samples=10, batch_size=20, drop_last=True), "numpy")
    with pytest.raises(ValueError, match="activation must be one of tanh, relu, sigmoid"):
        listing(RunConfig(activation="gelu"), "pytorch")
    with pytest.raises(ValueError, match="lr must be a positive number"):
        listing(RunConfig(lr=float("inf")), "keras")


def run_library_script(config: RunConfig, style: str, tmp_path) -> str:
    path = tmp_path / f"{style}.py"
    path.write_text(script(config, style), encoding="utf-8")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


LIBRARY_SETUPS = [RunConfig(samples=203, batch_size=20, epochs=2),
                  RunConfig(samples=203, batch_size=8, epochs=1, accumulate=3),
                  RunConfig(samples=203, batch_size=20, epochs=2, validation_split=0.2)]
LIBRARY_IDS = ["partial batch", "accumulation", "validation split"]


@pytest.mark.parametrize("config", LIBRARY_SETUPS, ids=LIBRARY_IDS)
def test_the_pytorch_script_runs_and_len_loader_agrees_with_schedule(config, tmp_path, capsys):
    pytest.importorskip("torch", reason="PyTorch is not installed here (epochviz does not depend on it)")
    out = run_library_script(config, "pytorch", tmp_path)
    assert printed_counts(out) == expected_counts(config, capsys)
    assert len(epoch_losses(out)) == config.epochs
    assert len(validation_losses(out)) == (config.epochs if config.validation_split else 0)


@pytest.mark.parametrize("config", LIBRARY_SETUPS, ids=LIBRARY_IDS)
def test_the_keras_script_runs_and_its_steps_agree_with_schedule(config, tmp_path, capsys):
    pytest.importorskip("keras", reason="Keras is not installed here (epochviz does not depend on it)")
    out = run_library_script(config, "keras", tmp_path)
    assert printed_counts(out) == expected_counts(config, capsys)
    assert len(epoch_losses(out)) == config.epochs


def test_the_keras_drop_last_script_runs_and_tf_data_counts_as_schedule(tmp_path, capsys):
    pytest.importorskip("keras", reason="Keras is not installed here (epochviz does not depend on it)")
    pytest.importorskip("tensorflow", reason="TensorFlow (for tf.data) is not installed here")
    config = RunConfig(samples=203, batch_size=20, epochs=1, drop_last=True)
    assert printed_counts(run_library_script(config, "keras", tmp_path)) == expected_counts(config, capsys)

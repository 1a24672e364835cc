"""The training loop of a set-up as a listing: a complete script in PyTorch, Keras or plain numpy.

``listing(config, style)`` writes the script of a ``RunConfig`` and says where
each part of an iteration is: the lines of every phase (``core.phases.PHASES``),
of the epoch loop and the batch loop, and of the epoch-end block, so that a
code view can highlight the line that runs. Every comment is a phrase of
``core.code_words``, worded through ``words`` (a view in Chinese passes its
``translate``); the code stays code, and the line numbers stay the same.
Writing a listing needs no numpy: it is text about the set-up's numbers.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from epochviz.core.code import words as say
from epochviz.core.code.data import generator_source
from epochviz.core.phases import PHASES

if TYPE_CHECKING:
    from epochviz.core.engine.session import RunConfig

STYLES = ("pytorch", "keras", "numpy")
LIBRARIES = {"pytorch": "PyTorch", "keras": "Keras 3", "numpy": "numpy"}
_TORCH_ACTIVATIONS = {"tanh": "nn.Tanh()", "relu": "nn.ReLU()", "sigmoid": "nn.Sigmoid()"}
_NUMPY_ACTIVATIONS = {  # the function's body, its derivative from its output, the weights' gain (code, words)
    "tanh": ("np.tanh(z)", "1 - a * a", "1.0", "1"),
    "relu": ("z * (z > 0)", "a > 0", "np.sqrt(2.0)", "sqrt(2)"),
    "sigmoid": ("1 / (1 + np.exp(-z))", "a * (1 - a)", "1.0", "1"),
}
INDENT = "    "


def identity(text: str) -> str:
    """The phrase as written: English comments."""
    return text


@dataclass(frozen=True)
class Listing:
    """A script and where its parts are; every line number is 1-based (``lines[n - 1]``).

    ``phases`` maps each of ``PHASES`` to the lines that run it; ``epoch_loop``
    and ``batch_loop`` are the lines of the two loops (for Keras, the comment
    lines that say what ``fit`` loops over), ``epoch_end`` the lines of the
    block that runs at each epoch's end, ``validation`` those of them that
    measure the held-out samples (none without a validation split).
    """

    style: str
    lines: tuple[str, ...]
    phases: dict[str, tuple[int, ...]]
    epoch_loop: int
    batch_loop: int
    epoch_end: tuple[int, ...]
    validation: tuple[int, ...] = ()

    @property
    def text(self) -> str:
        """The whole script, ending in a newline."""
        return "\n".join(self.lines) + "\n"


class _Writer:
    """The lines of a script being written, and the marks (phases, loops) set on some of them."""

    def __init__(self, words: Callable[[str], str]) -> None:
        self.words = words
        self.lines: list[str] = []
        self.marks: dict[str, list[int]] = {}

    def say(self, phrase: str, **values: object) -> str:
        """A phrase in the listing's words, blanks filled, on one line whatever the translation holds."""
        return " ".join(self.words(phrase).format(**values).split("\n"))

    def code(self, text: str, *marks: str, note: str | None = None, **values: object) -> None:
        """One line of code, with a comment after it when ``note`` is given."""
        self._add(text + (f"  # {self.say(note, **values)}" if note else ""), marks)

    def comment(self, phrase: str, *marks: str, indent: str = "", nest: str = "", **values: object) -> None:
        """A comment on its own line (``nest``: spaces after the ``#``, for an outline)."""
        self._add(f"{indent}# {nest}{self.say(phrase, **values)}", marks)

    def block(self, text: str, **values: object) -> None:
        """Several lines of code (a function's source); ``#: NAME`` stands for the phrase ``code_words.NAME``."""
        for line in text.rstrip("\n").split("\n"):
            code, _, name = line.partition("#: ")
            if name:
                line = code + "# " + self.say(getattr(say, name), **values)
            self._add(line, ())

    def settings(self, rows: list[tuple[str, str]]) -> None:
        """``NAME = value`` lines with their comments lined up."""
        width = max(len(code) for code, _ in rows)
        for code, note in rows:
            self._add(f"{code.ljust(width)}  # {self.say(note)}", ())

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self._add("", ())

    def _add(self, line: str, marks: tuple[str, ...]) -> None:
        self.lines.append(line.rstrip())
        for mark in marks:
            self.marks.setdefault(mark, []).append(len(self.lines))

    def listing(self, style: str) -> Listing:
        marks = self.marks
        return Listing(style, tuple(self.lines), {phase: tuple(marks.get(phase, ())) for phase in PHASES},
                       marks["epoch_loop"][0], marks["batch_loop"][0], tuple(marks["epoch_end"]),
                       tuple(marks.get("validation", ())))


@dataclass(frozen=True)
class _Setup:
    """The numbers a script is written from (the config's, and a few derived from them)."""

    dataset: str
    n: int
    b: int
    epochs: int
    k: int
    lr: float
    widths: tuple[int, ...]
    activation: str
    shuffle: bool
    drop_last: bool
    seed: int
    noise: float
    split: float = 0.0  # the validation split
    n_val: int = 0  # samples it holds out

    @property
    def n_train(self) -> int:
        """The samples trained on: N less those held out."""
        return self.n - self.n_val

    @property
    def passes(self) -> int:
        """Forward passes (batches) per epoch."""
        return self.n_train // self.b if self.drop_last else -(-self.n_train // self.b)

    @property
    def last_batch(self) -> int:
        """Samples in each epoch's last batch."""
        return self.b if self.drop_last else self.n_train - (self.passes - 1) * self.b


def _setup(config: RunConfig) -> _Setup:
    """The config's numbers, checked: ``ValueError`` for what no script can run."""
    held_out = config.schedule().held_out  # N, B, E, K, the seed and the split; drop-last with B > N
    if config.activation not in _NUMPY_ACTIVATIONS:
        raise ValueError(f"activation must be one of {', '.join(_NUMPY_ACTIVATIONS)}, got {config.activation!r}")
    if not (0 < config.lr < math.inf and 0 <= config.noise <= 1):
        raise ValueError(f"lr must be a positive number and noise from 0 to 1, got {config.lr!r} and {config.noise!r}")
    return _Setup(config.dataset, config.samples, config.batch_size, config.epochs, config.accumulate,
                  float(config.lr), tuple(config.widths), config.activation, config.shuffle, config.drop_last,
                  config.seed, float(config.noise), float(config.validation_split), held_out)


def listing(config: RunConfig, style: str, words: Callable[[str], str] = identity) -> Listing:
    """The training loop of ``config`` as a complete ``style`` script ("pytorch", "keras" or "numpy").

    ``words`` words each comment (``translate`` for a view in another language);
    ``ValueError`` for an unknown style or a set-up that cannot run.
    """
    if style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, got {style!r}")
    setup = _setup(config)
    writer = _Writer(words)
    {"pytorch": _pytorch, "keras": _keras, "numpy": _numpy}[style](writer, setup)
    return writer.listing(style)


def script(config: RunConfig, style: str) -> str:
    """The script of ``listing(config, style)`` with English comments."""
    return listing(config, style).text


# -- the parts every style shares ------------------------------------------------------------------------------
def _header(w: _Writer, s: _Setup, style: str, packages: str, imports: list[str]) -> None:
    w.comment(say.HEADER, dataset=s.dataset, samples=f"{s.n:,}", library=LIBRARIES[style])
    w.comment(say.NEEDS, packages=packages)
    w.comment(say.TRY)
    for line in imports:
        w.code(line)
    w.blank()


def _settings(w: _Writer, s: _Setup, widths: bool) -> None:
    w.comment(say.SETUP)
    rows = [(f"N = {s.n}", say.SAMPLES), (f"B = {s.b}", say.BATCH_SIZE), (f"E = {s.epochs}", say.EPOCHS)]
    if s.k > 1:
        rows.append((f"K = {s.k}", say.ACCUMULATE))
    rows.append((f"LR = {s.lr!r}", say.LEARNING_RATE))
    if widths:
        rows.append((f"WIDTHS = {s.widths!r}", say.WIDTHS))
    rows += [(f"SEED = {s.seed}", say.SEED), (f"NOISE = {s.noise!r}", say.NOISE)]
    if s.n_val:
        rows.append((f"VALIDATION_SPLIT = {s.split!r}", say.VALIDATION_SPLIT))
    w.settings(rows)
    w.blank(2)


def _data(w: _Writer, s: _Setup) -> str:
    """The dataset's generator; returns the line that makes X and y."""
    function, source = generator_source(s.dataset)
    w.comment(say.DATA, dataset=s.dataset)
    w.block(source)
    w.blank(2)
    return f"X, y = {function}(N, NOISE, SEED)"


def _hold_out(w: _Writer, s: _Setup, keras: bool = False) -> None:
    """The held-out samples, drawn as ``core.holdout`` draws them; then X, y (and N, but for Keras) are the rest."""
    if not s.n_val:
        return
    w.blank()
    w.comment(say.HOLD_OUT)
    w.comment(say.N_TRAIN)
    w.code("N_TRAIN = int(N * (1 - VALIDATION_SPLIT))")
    w.comment(say.OWN_STREAM)
    w.code("split_rng = np.random.default_rng(np.random.SeedSequence(SEED).spawn(1)[0])")
    w.code("held = np.zeros(N, dtype=bool)")
    w.code("held[split_rng.permutation(N)[N_TRAIN:]] = True")
    w.code("X_val, y_val = X[held], y[held]", note=say.NEVER_TRAINED)
    if keras:
        w.comment(say.KERAS_LAST)
        w.code("X, y = np.concatenate([X[~held], X_val]), np.concatenate([y[~held], y_val])")
    else:
        w.comment(say.TRAINING_ROWS)
        w.code("X, y, N = X[~held], y[~held], N_TRAIN")


def _noun(n: int, noun: str) -> str:
    return noun if n == 1 else noun + "s"


def _counts(w: _Writer, s: _Setup, passes: str, last: str, updates: str, effective: str) -> None:
    """Print the readout's counts as ``epochviz schedule`` writes them; each value is the script's own expression."""
    fn = "floor" if s.drop_last else "ceil"
    n = "N_TRAIN" if s.n_val else "N"
    if s.n_val:
        w.comment(say.HELD_OUT_COUNT)
        w.code('print(f"{len(y_val):,} held out for validation: N_train = {N_TRAIN:,}")')
    w.code(f'print(f"{{{n}:,}} {_noun(s.n_train, "sample")}, batch size {{B:,}}, {{E:,}} '
           f'{_noun(s.epochs, "epoch")}")')
    if s.k == 1:
        rows = [("iterations per epoch", f"{fn}({{{n}}} / {{B}}) = {{{passes}}}")]
    else:
        rows = [("forward passes per epoch", f"{fn}({{{n}}} / {{B}}) = {{{passes}}}"),
                ("updates per epoch", f"ceil({{{passes}}} / {{K}}) = {{{updates}}}"),
                ("effective batch", f"{{K}} x {{B}} = {{{effective}}}")]
    rows += [("last batch", f"{{{last}}} {_noun(s.last_batch, 'sample')}"),
             ("total iterations", f"{{E}} x {{{updates}}} = {{E * {updates}}}")]
    width = max(20, *(len(label) for label, _ in rows))
    for label, value in rows:
        w.code(f'print(f"  {label.ljust(width)} = {value}")')
    w.code('print()')


def _epoch_print(w: _Writer, indent: str, epoch: str, validation: str = "") -> None:
    """The epoch's figures; ``validation`` names the held-out samples' loss and accuracy, or is empty."""
    if validation:
        loss, accuracy = validation.split(",")
        w.code(indent + f'print(f"epoch {{{epoch}}}/{{E}}: loss {{loss:.4f}}, accuracy {{accuracy:.4f}}, "', "epoch_end")
        w.code(indent + f'      f"val_loss {{{loss}:.4f}}, val_accuracy {{{accuracy}:.4f}}")', "epoch_end")
        return
    w.code(indent + f'print(f"epoch {{{epoch}}}/{{E}}: loss {{loss:.4f}}, accuracy {{accuracy:.4f}}")', "epoch_end")


# -- PyTorch ---------------------------------------------------------------------------------------------------
def _pytorch(w: _Writer, s: _Setup) -> None:
    imports = (["import math", ""] if s.k > 1 else []) + [
        "import numpy as np", "import torch", "from torch import nn",
        "from torch.utils.data import DataLoader, TensorDataset"]
    _header(w, s, "pytorch", "numpy, torch", imports)
    _settings(w, s, widths=False)
    make = _data(w, s)
    w.code(make)
    _hold_out(w, s)
    w.code("dataset = TensorDataset(torch.from_numpy(X), torch.from_numpy(y))")
    if s.n_val:
        w.code("val_set = TensorDataset(torch.from_numpy(X_val), torch.from_numpy(y_val))")
        w.code("val_loader = DataLoader(val_set, batch_size=B)")
    w.comment(say.OWN_RANDOM, library="PyTorch")
    w.code("torch.manual_seed(SEED)")
    w.code(f"loader = DataLoader(dataset, batch_size=B, shuffle={s.shuffle}, drop_last={s.drop_last})")
    w.code("model = nn.Sequential(")
    act = _TORCH_ACTIVATIONS[s.activation]
    for n_in, n_out in zip(s.widths[:-2], s.widths[1:-1]):
        w.code(f"{INDENT}nn.Linear({n_in}, {n_out}), {act},")
    w.code(f"{INDENT}nn.Linear({s.widths[-2]}, {s.widths[-1]}),", note=say.LOGITS)
    w.code(")")
    w.code("loss_fn = nn.CrossEntropyLoss()", note=say.SOFTMAX_CE)
    w.code("optimizer = torch.optim.SGD(model.parameters(), lr=LR)")
    w.blank()
    w.comment(say.COUNTS)
    w.comment(say.LEN_LOADER)
    w.code("last_batch = B" if s.drop_last else "last_batch = len(dataset) - (len(loader) - 1) * B")
    updates = "len(loader)"
    if s.k > 1:
        w.code("samples_per_epoch = len(loader) * B" if s.drop_last else "samples_per_epoch = len(dataset)")
        w.code("updates_per_epoch = math.ceil(len(loader) / K)")
        updates = "updates_per_epoch"
    _counts(w, s, "len(loader)", "last_batch", updates, "min(K * B, samples_per_epoch)")
    w.blank()
    _torch_loops(w, s)


def _torch_loops(w: _Writer, s: _Setup) -> None:
    i1, i2, i3 = INDENT, INDENT * 2, INDENT * 3
    w.comment(say.EPOCH_LOOP)
    w.code("for epoch in range(1, E + 1):", "epoch_loop")
    w.code(i1 + "model.train()")
    w.comment(say.BATCH_LOOP, indent=i1)
    if s.k == 1:
        w.code(i1 + "for xb, yb in loader:", "batch_loop", "batch")
    else:
        w.code(i1 + "for i, (xb, yb) in enumerate(loader, start=1):", "batch_loop", "batch")
        w.comment(say.GROUP, indent=i2)
        w.code(i2 + "group = min(K * B, samples_per_epoch - (i - 1) // K * K * B)")
    w.code(i2 + "logits = model(xb)", "forward", note=say.FORWARD)
    w.code(i2 + "loss = loss_fn(logits, yb)", "loss", note=say.LOSS)
    if s.k == 1:
        w.code(i2 + "loss.backward()", "backward", note=say.BACKWARD)
        w.code(i2 + "optimizer.step()", "update", note=say.UPDATE)
        w.code(i2 + "optimizer.zero_grad()", "update", note=say.ZERO)
    else:
        w.comment(say.SHARE, indent=i2)
        w.code(i2 + "(loss * len(yb) / group).backward()", "backward", note=say.BACKWARD)
        w.comment(say.EVERY_K, indent=i2)
        w.code(i2 + "if i % K == 0 or i == len(loader):")
        w.code(i3 + "optimizer.step()", "update", note=say.UPDATE)
        w.code(i3 + "optimizer.zero_grad()", "update", note=say.ZERO)
    w.comment(say.EPOCH_END_TRAINING if s.n_val else say.EPOCH_END, "epoch_end", indent=i1)
    w.code(i1 + "model.eval()", "epoch_end")
    w.code(i1 + "with torch.no_grad():", "epoch_end")
    w.code(i2 + "x_all, y_all = dataset.tensors", "epoch_end")
    w.code(i2 + "logits = model(x_all)", "epoch_end")
    w.code(i2 + "loss = loss_fn(logits, y_all).item()", "epoch_end")
    w.code(i2 + "accuracy = (logits.argmax(dim=1) == y_all).float().mean().item()", "epoch_end")
    if s.n_val:
        _torch_validation(w)
    _epoch_print(w, i1, "epoch", "val_loss,val_accuracy" if s.n_val else "")


def _torch_validation(w: _Writer) -> None:
    """The held-out samples at the epoch end: inside ``model.eval()`` and ``torch.no_grad()``, over ``val_loader``."""
    i2, i3 = INDENT * 2, INDENT * 3
    marks = ("epoch_end", "validation")
    w.comment(say.VALIDATION, *marks, indent=i2)
    w.code(i2 + "val_loss = val_correct = 0.0", *marks)
    w.code(i2 + "for xb, yb in val_loader:", *marks)
    w.code(i3 + "logits = model(xb)", *marks)
    w.code(i3 + "val_loss += loss_fn(logits, yb).item() * len(yb)", *marks)
    w.code(i3 + "val_correct += (logits.argmax(dim=1) == yb).sum().item()", *marks)
    w.code(i2 + "val_loss /= len(val_loader.dataset)", *marks)
    w.code(i2 + "val_accuracy = val_correct / len(val_loader.dataset)", *marks)


# -- Keras -----------------------------------------------------------------------------------------------------
def _keras(w: _Writer, s: _Setup) -> None:
    packages = "numpy, keras, tensorflow" if s.drop_last else "numpy, keras"
    imports = (["import math", ""] if s.k > 1 or not s.drop_last else []) + ["import keras", "import numpy as np"]
    if s.drop_last:
        imports.append("import tensorflow as tf")
    _header(w, s, "keras", packages, imports)
    _settings(w, s, widths=False)
    w.code(_data(w, s))
    _hold_out(w, s, keras=True)
    w.blank()
    w.code("keras.utils.set_random_seed(SEED)", note=say.KERAS_SEED)
    w.comment(say.OWN_RANDOM, library="Keras")
    w.code("model = keras.Sequential([")
    w.code(f"{INDENT}keras.Input(shape=({s.widths[0]},)),")
    for width in s.widths[1:-1]:
        w.code(f'{INDENT}keras.layers.Dense({width}, activation="{s.activation}"),')
    w.code(f"{INDENT}keras.layers.Dense({s.widths[-1]}),", note=say.LOGITS)
    w.code("])")
    w.comment(say.SOFTMAX_CE)
    w.code("loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)")
    w.code("model.compile(")
    if s.k > 1:
        for phrase in say.KERAS_ACCUMULATE:
            w.comment(phrase, indent=INDENT)
        w.code(f"{INDENT}optimizer=keras.optimizers.SGD(learning_rate=LR, gradient_accumulation_steps=K),")
    else:
        w.code(f"{INDENT}optimizer=keras.optimizers.SGD(learning_rate=LR),")
    w.code(f"{INDENT}loss=loss_fn,")
    w.code(f'{INDENT}metrics=["accuracy"],')
    w.code(")")
    w.blank()
    if s.drop_last:
        _keras_dataset(w, s)
    w.comment(say.COUNTS)
    if s.drop_last:
        w.comment(say.CARDINALITY)
        w.code("steps_per_epoch = int(train_data.cardinality())")
        w.code("last_batch = B")
    else:
        n = "N_TRAIN" if s.n_val else "len(X)"
        w.comment(say.STEPS)
        w.code(f"steps_per_epoch = math.ceil({n} / B)")
        w.code(f"last_batch = {n} - (steps_per_epoch - 1) * B")
    updates = "steps_per_epoch"
    if s.k > 1:
        w.code("samples_per_epoch = steps_per_epoch * B" if s.drop_last else
               f"samples_per_epoch = {'N_TRAIN' if s.n_val else 'len(X)'}")
        w.code("updates_per_epoch = math.ceil(steps_per_epoch / K)")
        updates = "updates_per_epoch"
    _counts(w, s, "steps_per_epoch", "last_batch", updates, "min(K * B, samples_per_epoch)")
    w.blank(2)
    _keras_epoch_end(w, s)
    _keras_fit(w, s)


def _keras_dataset(w: _Writer, s: _Setup) -> None:
    """drop_last for Keras: a tf.data pipeline that drops each epoch's partial batch."""
    for phrase in say.KERAS_DROP_LAST:
        w.comment(phrase)
    w.code("train_data = tf.data.Dataset.from_tensor_slices((X[:N_TRAIN], y[:N_TRAIN]))" if s.n_val else
           "train_data = tf.data.Dataset.from_tensor_slices((X, y))")
    if s.shuffle:
        size = "N_TRAIN" if s.n_val else "len(X)"
        w.code(f"train_data = train_data.shuffle({size}, seed=SEED, reshuffle_each_iteration=True)")
    w.code("train_data = train_data.batch(B, drop_remainder=True)")
    w.blank()


def _keras_epoch_end(w: _Writer, s: _Setup) -> None:
    i1, i2 = INDENT, INDENT * 2
    x, y = ("X[:N_TRAIN]", "y[:N_TRAIN]") if s.n_val else ("X", "y")
    w.code("class EpochEnd(keras.callbacks.Callback):")
    w.code(i1 + "def on_epoch_end(self, epoch, logs=None):", "epoch_end")
    w.comment(say.EPOCH_END_TRAINING if s.n_val else say.EPOCH_END, "epoch_end", indent=i2)
    w.code(i2 + f"logits = keras.ops.convert_to_numpy(self.model({x}, training=False))", "epoch_end")
    w.code(i2 + f"loss = float(loss_fn({y}, logits))", "epoch_end")
    w.code(i2 + f"accuracy = (logits.argmax(axis=1) == {y}).mean()", "epoch_end")
    if s.n_val:
        w.comment(say.KERAS_VAL_LOGS, "epoch_end", "validation", indent=i2)
    _epoch_print(w, i2, "epoch + 1", "logs['val_loss'],logs['val_accuracy']" if s.n_val else "")
    w.blank(2)


def _keras_fit(w: _Writer, s: _Setup) -> None:
    """The fit call, after comments that write out the loops it runs (where a code view highlights)."""
    w.comment(say.FIT_LOOPS)
    w.comment(say.FIT_EPOCH, "epoch_loop", nest=INDENT)
    w.comment(say.FIT_BATCH, "batch_loop", "batch", nest=INDENT * 2)
    w.comment(say.FIT_FORWARD, "forward", nest=INDENT * 3)
    w.comment(say.FIT_LOSS, "loss", nest=INDENT * 3)
    w.comment(say.BACKWARD, "backward", nest=INDENT * 3)
    w.comment(say.FIT_UPDATE, "update", nest=INDENT * 3)
    if s.drop_last and s.n_val:
        w.comment(say.KERAS_DATA_SPLIT)
        w.code("model.fit(train_data, epochs=E, validation_data=(X_val, y_val), verbose=2,")
        w.code(f"{INDENT}callbacks=[EpochEnd()])")
    elif s.drop_last:
        w.code("model.fit(train_data, epochs=E, verbose=2, callbacks=[EpochEnd()])")
    elif s.n_val:
        w.code(f"model.fit(X, y, batch_size=B, epochs=E, shuffle={s.shuffle}, validation_split=VALIDATION_SPLIT,")
        w.code(f"{INDENT}verbose=2, callbacks=[EpochEnd()])")
    else:
        w.code(f"model.fit(X, y, batch_size=B, epochs=E, shuffle={s.shuffle}, verbose=2, callbacks=[EpochEnd()])")


# -- numpy -----------------------------------------------------------------------------------------------------
def _numpy(w: _Writer, s: _Setup) -> None:
    imports = (["import math", ""] if s.k > 1 else []) + ["import numpy as np"]
    _header(w, s, "numpy", "numpy", imports)
    _settings(w, s, widths=True)
    make = _data(w, s)
    _numpy_network(w, s)
    w.code(make)
    _hold_out(w, s)
    w.code("layers = init_layers(WIDTHS, SEED)")
    w.code("grads = [(np.zeros_like(W), np.zeros_like(b)) for W, b in layers]")
    w.blank()
    w.comment(say.COUNTS)
    if s.drop_last:
        w.comment(say.SEEN, dropped=f"{s.n_train % s.b:,}")
        w.code("samples_per_epoch = N - N % B")
    else:
        w.code("samples_per_epoch = N")
    w.comment(say.STARTS)
    w.code("starts = range(0, samples_per_epoch, B)")
    updates = "len(starts)"
    if s.k > 1:
        w.code("updates_per_epoch = math.ceil(len(starts) / K)")
        updates = "updates_per_epoch"
    _counts(w, s, "len(starts)", "samples_per_epoch - starts[-1]", updates, "min(K * B, samples_per_epoch)")
    w.blank()
    _numpy_loops(w, s)


_NUMPY_NETWORK = """\
#: INIT
def init_layers(widths, seed):
    rng = np.random.default_rng(seed)
    layers = []
    for n_in, n_out in zip(widths, widths[1:]):
        W = (rng.standard_normal((n_in, n_out)) * ({gain} / np.sqrt(n_in))).astype(np.float32)
        layers.append((W, np.zeros(n_out, dtype=np.float32)))
    return layers


def activation(z):
    return {body}


#: DERIVATIVE
def activation_derivative(a):
    return {derivative}


def forward(layers, x):
    inputs = []  #: KEEP_INPUTS
    for W, b in layers[:-1]:
        inputs.append(x)
        x = activation(x @ W + b)
    inputs.append(x)
    W, b = layers[-1]
    return inputs, x @ W + b


def softmax_cross_entropy(logits, y):
    #: CROSS_ENTROPY
    probs = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    rows = np.arange(len(y))
    loss = -np.log(probs[rows, y]).mean()
    accuracy = (probs.argmax(axis=1) == y).mean()
    #: DLOGITS
    probs[rows, y] -= 1
    return loss, accuracy, probs


#: ADD_GRADIENTS
def backward(layers, inputs, dlogits, grads):
    g = dlogits
    for k in reversed(range(len(layers))):
        W, _ = layers[k]
        dW, db = grads[k]
        dW += inputs[k].T @ g
        db += g.sum(axis=0)
        if k > 0:
            g = (g @ W.T) * activation_derivative(inputs[k])


def sgd_step(layers, grads, lr):
    for (W, b), (dW, db) in zip(layers, grads):
        W -= lr * dW
        b -= lr * db


def zero_grad(grads):
    for dW, db in grads:
        dW.fill(0)
        db.fill(0)


def evaluate(layers, X, y):
    _, logits = forward(layers, X)  #: WHOLE_DATASET
    loss, accuracy, _ = softmax_cross_entropy(logits, y)
    return loss, accuracy
"""


def _numpy_network(w: _Writer, s: _Setup) -> None:
    """The MLP of ``core.mlp`` as a few functions: initial weights, forward, loss, backward, SGD."""
    body, derivative, gain, gain_words = _NUMPY_ACTIVATIONS[s.activation]
    w.block(_NUMPY_NETWORK.replace("{gain}", gain).replace("{body}", body).replace("{derivative}", derivative),
            gain=gain_words, activation=s.activation)
    w.blank(2)


def _numpy_loops(w: _Writer, s: _Setup) -> None:
    i1, i2, i3 = INDENT, INDENT * 2, INDENT * 3
    if not s.shuffle:
        w.comment(say.NO_SHUFFLE)
        w.code("order = np.arange(N)")
    w.comment(say.EPOCH_LOOP)
    w.code("for epoch in range(1, E + 1):", "epoch_loop")
    if s.shuffle:
        w.comment(say.SHUFFLE, indent=i1)
        w.code(i1 + "order = np.random.default_rng([SEED, epoch]).permutation(N)")
    w.comment(say.BATCH_LOOP, indent=i1)
    if s.k == 1:
        w.code(i1 + "for begin in starts:", "batch_loop")
    else:
        w.code(i1 + "for i, begin in enumerate(starts, start=1):", "batch_loop")
    w.code(i2 + "idx = order[begin:begin + B]", "batch")
    w.code(i2 + "xb, yb = X[idx], y[idx]", "batch")
    if s.k > 1:
        w.comment(say.GROUP, indent=i2)
        w.code(i2 + "group = min(K * B, samples_per_epoch - (i - 1) // K * K * B)")
    w.code(i2 + "inputs, logits = forward(layers, xb)", "forward", note=say.FORWARD)
    w.code(i2 + "loss, accuracy, dlogits = softmax_cross_entropy(logits, yb)", "loss", note=say.LOSS)
    if s.k == 1:
        w.code(i2 + "backward(layers, inputs, dlogits / len(yb), grads)", "backward", note=say.BACKWARD)
        w.code(i2 + "sgd_step(layers, grads, LR)", "update", note=say.UPDATE)
        w.code(i2 + "zero_grad(grads)", "update", note=say.ZERO)
    else:
        w.comment(say.SHARE, indent=i2)
        w.code(i2 + "backward(layers, inputs, dlogits / group, grads)", "backward", note=say.BACKWARD)
        w.comment(say.EVERY_K, indent=i2)
        w.code(i2 + "if i % K == 0 or i == len(starts):")
        w.code(i3 + "sgd_step(layers, grads, LR)", "update", note=say.UPDATE)
        w.code(i3 + "zero_grad(grads)", "update", note=say.ZERO)
    w.comment(say.EPOCH_END_TRAINING if s.n_val else say.EPOCH_END, "epoch_end", indent=i1)
    w.code(i1 + "loss, accuracy = evaluate(layers, X, y)", "epoch_end")
    if s.n_val:
        w.comment(say.VALIDATION_ALL, "epoch_end", "validation", indent=i1)
        w.code(i1 + "val_loss, val_accuracy = evaluate(layers, X_val, y_val)", "epoch_end", "validation")
    _epoch_print(w, i1, "epoch", "val_loss,val_accuracy" if s.n_val else "")

"""The comments of the scripts that ``core.code_listing`` writes: a table of phrases, marked for translation.

Every comment of a listing is one of these phrases (``{name}`` blanks filled
in after translating), so a code view in Chinese can word the comments
through ``translate("code", phrase)`` while the code itself stays code. Each
phrase is one line: translated or not, a listing keeps its line numbers.
"""

from __future__ import annotations

from epochviz.core.words import QT_TRANSLATE_NOOP

# The top of a script and its settings
HEADER = QT_TRANSLATE_NOOP("code", "The training loop of epochviz's set-up ({dataset}, {samples} samples), written "
                                   "with {library}.")
NEEDS = QT_TRANSLATE_NOOP("code", "It needs Python 3 and these packages: {packages}.")
TRY = QT_TRANSLATE_NOOP("code", "Change the numbers below to try other set-ups.")
SETUP = QT_TRANSLATE_NOOP("code", "The set-up: the same numbers as the window")
SAMPLES = QT_TRANSLATE_NOOP("code", "samples (N)")
BATCH_SIZE = QT_TRANSLATE_NOOP("code", "batch size (B)")
EPOCHS = QT_TRANSLATE_NOOP("code", "epochs (E)")
ACCUMULATE = QT_TRANSLATE_NOOP("code", "batches per weight update (K, gradient accumulation)")
LEARNING_RATE = QT_TRANSLATE_NOOP("code", "learning rate")
WIDTHS = QT_TRANSLATE_NOOP("code", "inputs, hidden layers, classes")
SEED = QT_TRANSLATE_NOOP("code", "seed of the data, the initial weights and the shuffles")
VALIDATION_SPLIT = QT_TRANSLATE_NOOP("code", "share of the samples held out for validation")
NOISE = QT_TRANSLATE_NOOP("code", "noise of the data")
DATA = QT_TRANSLATE_NOOP("code", "The data: epochviz's arithmetic for '{dataset}', so the same seed gives the same "
                                 "samples")
OWN_RANDOM = QT_TRANSLATE_NOOP("code", "Initial weights and shuffles come from {library}'s generator: other "
                                       "numbers than the window's")

# The network and the loss
LOGITS = QT_TRANSLATE_NOOP("code", "logits: the softmax is in the loss")
SOFTMAX_CE = QT_TRANSLATE_NOOP("code", "softmax and cross-entropy in one, from the logits")
INIT = QT_TRANSLATE_NOOP("code", "initial weights: Gaussian, scaled by {gain} / sqrt(inputs); biases zero")
DERIVATIVE = QT_TRANSLATE_NOOP("code", "the derivative of {activation}, from its output")
KEEP_INPUTS = QT_TRANSLATE_NOOP("code", "every layer's input is kept for the backward pass")
CROSS_ENTROPY = QT_TRANSLATE_NOOP("code", "softmax, then the cross-entropy of each sample")
DLOGITS = QT_TRANSLATE_NOOP("code", "d loss / d logits of each sample: softmax minus one-hot")
ADD_GRADIENTS = QT_TRANSLATE_NOOP("code", "the gradients are added to grads (as PyTorch adds to .grad), so batches "
                                          "can be accumulated")
WHOLE_DATASET = QT_TRANSLATE_NOOP("code", "the whole dataset at once, without gradients")
KERAS_SEED = QT_TRANSLATE_NOOP("code", "seeds the initial weights and fit's shuffles")

# The validation split
HOLD_OUT = QT_TRANSLATE_NOOP("code", "Validation: samples held out, drawn once from the seed as epochviz draws them")
N_TRAIN = QT_TRANSLATE_NOOP("code", "Keras's arithmetic: floor(N x (1 - split)) to train on, the rest held out")
OWN_STREAM = QT_TRANSLATE_NOOP("code", "a stream of its own, apart from the data's and the shuffles'")
NEVER_TRAINED = QT_TRANSLATE_NOOP("code", "never trained on: measured at every epoch end")
TRAINING_ROWS = QT_TRANSLATE_NOOP("code", "from here on N counts the training samples only, as the readout does")
KERAS_LAST = QT_TRANSLATE_NOOP("code", "fit's validation_split holds out the last samples: the held-out ones go last")
KERAS_DATA_SPLIT = QT_TRANSLATE_NOOP("code", "fit cannot split a tf.data pipeline: validation_data holds them")
HELD_OUT_COUNT = QT_TRANSLATE_NOOP("code", "the training samples the counts below are made of")
VALIDATION = QT_TRANSLATE_NOOP("code", "validation: the held-out samples, batch by batch, weights unchanged")
VALIDATION_ALL = QT_TRANSLATE_NOOP("code", "validation: the held-out samples, weights unchanged")
KERAS_VAL_LOGS = QT_TRANSLATE_NOOP("code", "fit measured the held-out samples: val_loss, val_accuracy")

# The counts of the readout
COUNTS = QT_TRANSLATE_NOOP("code", "The counts the window's readout shows, printed before training")
LEN_LOADER = QT_TRANSLATE_NOOP("code", "len(loader) is PyTorch's own count of the batches: ceil(N / B), or N // B "
                                       "with drop_last")
STEPS = QT_TRANSLATE_NOOP("code", "steps_per_epoch: what fit computes for NumPy arrays, ceil(N / B), and counts "
                                  "in its progress")
CARDINALITY = QT_TRANSLATE_NOOP("code", "steps_per_epoch: tf.data counts the batches itself (its cardinality)")
STARTS = QT_TRANSLATE_NOOP("code", "where each batch of an epoch starts: len(starts) is the number of batches")
SEEN = QT_TRANSLATE_NOOP("code", "samples seen per epoch: drop_last leaves out the {dropped} after the last full "
                                 "batch")

# The loops
EPOCH_LOOP = QT_TRANSLATE_NOOP("code", "epoch loop: one pass over the data")
BATCH_LOOP = QT_TRANSLATE_NOOP("code", "batch loop: one iteration per batch")
SHUFFLE = QT_TRANSLATE_NOOP("code", "a new order of the samples every epoch, drawn from the seed as epochviz draws it")
NO_SHUFFLE = QT_TRANSLATE_NOOP("code", "no shuffle: the same order every epoch")
FORWARD = QT_TRANSLATE_NOOP("code", "forward pass")
LOSS = QT_TRANSLATE_NOOP("code", "loss: mean over the batch")
BACKWARD = QT_TRANSLATE_NOOP("code", "backward pass: gradient of the loss")
UPDATE = QT_TRANSLATE_NOOP("code", "update: one step against the gradient")
ZERO = QT_TRANSLATE_NOOP("code", "clear the gradients for the next update")
GROUP = QT_TRANSLATE_NOOP("code", "samples in this update's group (the epoch's last group may be smaller)")
SHARE = QT_TRANSLATE_NOOP("code", "each batch's share of the group's mean loss, so the step is that of one batch "
                                  "of K x B")
EVERY_K = QT_TRANSLATE_NOOP("code", "update after every K batches, and after the epoch's last batch")
EPOCH_END = QT_TRANSLATE_NOOP("code", "epoch end: loss and accuracy over the whole dataset, weights unchanged")
EPOCH_END_TRAINING = QT_TRANSLATE_NOOP("code", "epoch end: loss and accuracy over the training samples, weights "
                                               "unchanged")

# Keras: what fit does, and where Keras differs
FIT_LOOPS = QT_TRANSLATE_NOOP("code", "model.fit runs the two loops itself:")
FIT_EPOCH = QT_TRANSLATE_NOOP("code", "for each epoch (E of them):")
FIT_BATCH = QT_TRANSLATE_NOOP("code", "for each batch of B samples (steps_per_epoch of them):")
FIT_FORWARD = QT_TRANSLATE_NOOP("code", "forward pass: logits = model(xb)")
FIT_LOSS = QT_TRANSLATE_NOOP("code", "loss: loss_fn(yb, logits), the mean over the batch")
FIT_UPDATE = QT_TRANSLATE_NOOP("code", "update: optimizer.apply(gradients)")
KERAS_ACCUMULATE = (
    QT_TRANSLATE_NOOP("code", "Keras 3 optimizers accumulate gradients themselves (gradient_accumulation_steps):"),
    QT_TRANSLATE_NOOP("code", "one update every K batches with the mean of their gradients, counted over the whole "
                              "run,"),
    QT_TRANSLATE_NOOP("code", "so a group can span two epochs (epochviz and PyTorch end each epoch with an update)"),
)
KERAS_DROP_LAST = (
    QT_TRANSLATE_NOOP("code", "Keras has no drop_last for NumPy arrays; tf.data's batch(B, drop_remainder=True) "
                              "is it:"),
    QT_TRANSLATE_NOOP("code", "shuffled each epoch, it leaves out other samples each time, as DataLoader(drop_last="
                              "True) does"),
    QT_TRANSLATE_NOOP("code", "(slicing X and y instead would leave out the same samples every epoch)"),
)

PHRASES = tuple(value for name, value in sorted(globals().items()) if name.isupper() and isinstance(value, str)) + (
    KERAS_ACCUMULATE + KERAS_DROP_LAST)

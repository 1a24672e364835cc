"""The built-in scenes' names and captions, marked for translation.

The scene files are JSON, which ``pyside6-lupdate`` cannot read: their words
are repeated here so that they reach the ``.ts`` files, and the tour shows
``translate("scenes", text)``. A test fails when a scene file's words are
missing here; a user's own scene files are shown as they are written.
"""

from __future__ import annotations

from epochviz.core.words import QT_TRANSLATE_NOOP

SCENE_WORDS = (
    QT_TRANSLATE_NOOP("scenes", "100,000 images, batch size 100"),
    QT_TRANSLATE_NOOP("scenes",
                      "100,000 images in batches of 100: 1,000 iterations make one epoch, and 10 "
                      "epochs are 10,000 iterations: 10,000 weight updates."),
    QT_TRANSLATE_NOOP("scenes", "10,000 samples, batch size 10"),
    QT_TRANSLATE_NOOP("scenes",
                      "10,000 samples in batches of 10: 10,000 / 10 = 1,000 iterations to finish one "
                      "epoch."),
    QT_TRANSLATE_NOOP("scenes", "B = 1: stochastic gradient descent"),
    QT_TRANSLATE_NOOP("scenes",
                      "One sample per batch: as many weight updates per epoch as there are samples, "
                      "and a very noisy loss."),
    QT_TRANSLATE_NOOP("scenes", "B = N: full batch"),
    QT_TRANSLATE_NOOP("scenes",
                      "The whole dataset in one batch: one smooth step per epoch, and one weight "
                      "update per epoch only."),
    QT_TRANSLATE_NOOP("scenes", "B does not divide N"),
    QT_TRANSLATE_NOOP("scenes",
                      "100,000 samples at B = 128: ceil(100,000 / 128) = 782 iterations, the last "
                      "batch only 32 samples. With drop-last it would be 781."),
    QT_TRANSLATE_NOOP("scenes", "Reshuffling every epoch"),
    QT_TRANSLATE_NOOP("scenes", "Watch the data grid: each epoch visits every sample once, in a new random order."),
    QT_TRANSLATE_NOOP("scenes", "Why batches: memory"),
    QT_TRANSLATE_NOOP("scenes",
                      "For VGG-16 on 224x224 images, a batch of 100 needs 13 GB: more than an 8 GB "
                      "card holds. Smaller batches fit; the whole dataset in one batch never would."),
    QT_TRANSLATE_NOOP("scenes", "Accumulating gradients: 2 x 50 = one batch of 100"),
    QT_TRANSLATE_NOOP("scenes",
                      "Two batches of 50 fit where one of 100 does not: their gradients are added, then the "
                      "weights change once, the same step as one batch of 100."),
    QT_TRANSLATE_NOOP("scenes", "B = 1, 32 and N side by side"),
    QT_TRANSLATE_NOOP("scenes",
                      "Same data, same first weights. Per epoch B = 1 gets lowest fastest, noisily; B = N is "
                      "smooth and slow. Per weight update the order flips."),
    QT_TRANSLATE_NOOP("scenes", "Over-fitting: the two losses part"),
    QT_TRANSLATE_NOOP("scenes",
                      "100 images to learn from, 100 held out, a large network: the training loss falls to "
                      "zero, the held-out loss falls, then climbs."),
)

"""Full screen on a big display scales every font by one factor, without compounding, and back."""

from epochviz.qt.look.screen_fit import scale_text


def test_scaling_text_twice_does_not_compound_and_1_restores_it(make_window):
    window = make_window()
    readout, caption = window.readout, window.views.caption
    before = (window.font().pointSizeF(), readout.font().pointSizeF(), caption.font().pointSizeF())
    scale_text(window, 1.5)
    scale_text(window, 1.5)
    after = (window.font().pointSizeF(), readout.font().pointSizeF(), caption.font().pointSizeF())
    assert after == tuple(1.5 * size for size in before)
    scale_text(window, 1.0)
    assert (window.font().pointSizeF(), readout.font().pointSizeF(), caption.font().pointSizeF()) == before

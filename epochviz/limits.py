"""The ranges the window's controls offer, shared by the command line (no Qt needed)."""

WINDOW_MIN_SAMPLES = 10
WINDOW_MAX_SAMPLES = 100_000
WINDOW_MAX_EPOCHS = 100


def check_window_presets(samples: int | None = None, epochs: int | None = None) -> None:
    """``ValueError`` naming the setting when a preset lies outside what the window shows."""
    if samples is not None and not WINDOW_MIN_SAMPLES <= samples <= WINDOW_MAX_SAMPLES:
        raise ValueError(
            f"the window takes {WINDOW_MIN_SAMPLES:,} to {WINDOW_MAX_SAMPLES:,} samples, got {samples}"
        )
    if epochs is not None and not 1 <= epochs <= WINDOW_MAX_EPOCHS:
        raise ValueError(f"the window shows 1 to {WINDOW_MAX_EPOCHS} epochs, got {epochs}")

"""Compare mode: batch sizes side by side, its chart and its table."""

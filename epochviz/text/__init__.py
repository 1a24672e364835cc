"""Words built from numbers (the arithmetic, the phases, the comparison) and the translations."""

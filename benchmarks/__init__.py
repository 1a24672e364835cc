"""Benchmarks of the window and the trainer, kept out of the installed package."""

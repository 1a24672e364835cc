"""The run machinery on the Qt side: ``RunSession``, one training engine and the run it is on."""

"""The run machinery on the Qt side: the worker thread that talks to the training process."""

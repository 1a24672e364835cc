"""The training loop as code students write (PyTorch, Keras, numpy), with its phases' lines."""

"""epochviz: see epoch, batch and iteration while a small network trains."""

__version__ = "0.1.0"

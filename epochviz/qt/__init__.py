"""The Qt layer of epochviz: run sessions that drive the training engine, and views that draw what they are sent."""

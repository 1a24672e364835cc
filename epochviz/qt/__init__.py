"""The Qt layer of epochviz: a training worker and views that draw what they are sent."""

"""For the lecture hall: the tour of scenes and the projector (scale, full screen, themes)."""

"""Small widgets: text that repaints cheaply, number boxes and log sliders."""

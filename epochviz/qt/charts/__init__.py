"""The loss chart."""

"""The views of one run: data, network, what it learned, progress; each draws what it is sent."""

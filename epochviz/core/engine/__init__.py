"""The engine that paces runs and carries them over the wire to a child process."""

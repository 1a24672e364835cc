"""The window: it composes the parts, and its File menu (exports, recording) and memory."""

"""The settings panel: the controls, the memory meter and the glossary."""

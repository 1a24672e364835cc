"""How the window looks and reads: style, themes, colours, language and fitting the screen."""

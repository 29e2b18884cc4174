"""Typing bullets in the console: the capture line, the stage's notes, and their undoable edits."""

"""The question bank in the app: the panel beside the session, its undoable uses, and the editor
for one's own questions.
"""

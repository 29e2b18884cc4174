"""Balcony's Word files: the conventions every one shares, the agenda, and how the record
documents are laid out. This file imports nothing, and the documents' contents
(agenda_content, record_content, session_note_words) import no python-docx, so that starting
the app, or printing an agenda or a note, does not load it."""

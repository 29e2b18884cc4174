"""Balcony's Word files. Only this package imports python-docx, and this file imports nothing,
so that starting the app (or reading an agenda's text) does not load it."""

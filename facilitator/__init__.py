"""Balcony's domain: days, sessions, stages, timers, notes and records. No Qt here."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("balcony")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

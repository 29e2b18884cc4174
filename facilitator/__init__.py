"""Balcony's domain: days, sessions, stages, timers, notes and records. No Qt here."""


def __getattr__(name: str) -> str:
    # Looked up when first asked for: reading the installed package's metadata costs more
    # than the home window's first paint can spare.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("balcony")
        except PackageNotFoundError:  # running from a source tree that was never installed
            return "0.1.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

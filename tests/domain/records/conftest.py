"""The tests here run on both back ends: SQLite and PostgreSQL (tests/support/backends.py)."""

from tests.support.backends import workspace_on_each_back_end

__all__ = ["workspace_on_each_back_end"]

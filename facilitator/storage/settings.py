"""Small preferences kept in the data file as JSON, one value per key.

They live with the facilitator's days rather than in a per-machine settings file, so a
data file copied to another laptop keeps its owner's choices.
"""

from __future__ import annotations

import json

from facilitator.storage.database import Database
from facilitator.storage.models import Setting


def get_json(db: Database, key: str, default: object = None) -> object:
    """The value stored under `key`, or `default` when there is none or it is unreadable.

    A preference that cannot be read must never stop the app: the default stands in.
    """
    with db.session_scope() as s:
        row = s.get(Setting, key)
        text = row.value if row is not None else None
    if text is None:
        return default
    try:
        return json.loads(text)
    except ValueError:
        return default


def set_json(db: Database, key: str, value: object) -> None:
    """Stores `value` (anything JSON can hold) under `key`, replacing what was there."""
    text = json.dumps(value, ensure_ascii=False)
    with db.session_scope() as s:
        row = s.get(Setting, key)
        if row is None:
            row = Setting(key=key, value=text)
        else:
            row.value = text
        s.add(row)

"""The rules of a record's versions: which number and status the next export takes, whether
a document built for a record really is that record, and the errors when a step is refused.

See versions.py for the life they govern.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from facilitator.records.keys import RecordKey, long_date
from facilitator.records.reading import (
    DocContents,
    DocParagraph,
    UnreadableDocumentError,
    read_document,
)
from facilitator.storage.record_tables import RecordState, RecordStatus, RecordVersion


class RecordError(ValueError):
    """A step the record's status does not allow; the message says why and what to do."""


class RecordLockedError(RecordError):
    """The record is agreed: it changes only after an explicit reopen."""


def next_version(
    key: RecordKey,
    state: RecordState | None,
    latest: RecordVersion | None,
    digest: str,
    set_aside_amended_text: bool,
) -> tuple[int, RecordStatus]:
    if state is None or latest is None:
        return 1, RecordStatus.DRAFT
    if state.kept_version_id is not None and not set_aside_amended_text:
        raise RecordError(
            f"The amended copy of version {state.sent_version or state.version} was kept as "
            "the director returned it: its changes are not in the notes, so a file built "
            "from the notes would leave them out. Take the changes into the notes, or confirm "
            "that the export from the notes is wanted."
        )
    same = digest == latest.content_digest
    if state.locked:
        if same:
            return state.agreed_version or state.version, RecordStatus.AGREED
        if state.agreed_version is None and state.taken_in_since_export:
            return state.version + 1, RecordStatus.AGREED
        raise RecordLockedError(locked_message(key, state))
    if state.bump_next:
        return state.version + 1, state.status
    if same:
        return state.version, state.status  # a re-print of the latest version
    status = RecordStatus.AMENDED if state.status is RecordStatus.AMENDED else RecordStatus.DRAFT
    return state.version + 1, status


def locked_message(key: RecordKey, state: RecordState) -> str:
    return (
        f"{the_record(key)} was agreed on {long_date(state.agreed_on)} and is locked, but its "
        "notes have changed since that version. Undo the changes, or reopen it (saying why) "
        "to send a new version."
    )


def content_digest(paragraphs: Iterable[DocParagraph]) -> str:
    """A fingerprint of the headings and bullets: what a director amends and agrees."""
    content = [
        [p.style, p.text, p.bookmark]
        for p in paragraphs
        if p.is_heading or p.is_bullet or p.bookmark
    ]
    encoded = json.dumps(content, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def read_built(
    data: bytes, key: RecordKey, number: int, *, check_version: bool = True
) -> DocContents:
    """Reads back a document just built, checking it names the record it was built for."""
    try:
        contents = read_document(data)
    except UnreadableDocumentError as exc:
        raise RecordError(
            f"The document built for {the_record(key).lower()} is unreadable: {exc}"
        ) from exc
    if contents.identifier != key.identifier:
        raise RecordError(
            f"The document built for {the_record(key).lower()} carries the identifier "
            f"“{contents.identifier}”, not “{key.identifier}”."
        )
    if check_version and contents.version != str(number):
        raise RecordError(
            f"The document built as version {number} says it is version “{contents.version}”."
        )
    return contents


def the_record(key: RecordKey) -> str:
    return f"The {key.kind.label}"

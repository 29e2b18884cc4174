"""Stored tables of the record's life: every version exported or returned, and each record's state.

The database module imports this one, so `create_all` gives every data file these tables
however little of the records' code has been loaded (they were new tables: no migration step
was needed).
Ids of days, sessions and authorities are kept without foreign keys on purpose: a version is
a copy of a document that was sent out, and must outlive any later change to the plan it came
from.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Column, LargeBinary
from sqlmodel import Field, SQLModel

from facilitator.storage.versioned import Versioned


class RecordKind(StrEnum):
    SESSION_NOTE = "session-note"
    DAY_SUMMARY = "day-summary"
    CYCLE_REPORT = "cycle-report"
    REVIEW_REPORT = "review-report"  # a PCTR's or SAV's report, keyed by its review
    FORWARD_PLAN = "forward-plan"  # a cycle's asks, offers, agreed support and actions

    @property
    def label(self) -> str:
        """ "session note", "day summary", "cycle report", "review report", "forward plan"."""
        return self.value.replace("-", " ")


class RecordStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent for amendment"
    AMENDED = "amended"
    AGREED = "agreed"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class VersionOrigin(StrEnum):
    EXPORTED = "exported"  # a file Balcony wrote
    RETURNED = "returned"  # a file a director sent back, imported


class RecordVersion(SQLModel, table=True):
    """One file of a record: the bytes as written (or as returned) and their paragraphs."""

    id: int | None = Field(default=None, primary_key=True)
    record_key: str = Field(index=True)  # the document's identifier, "balcony:session-note:…"
    kind: RecordKind
    day_id: int | None = None
    session_id: int | None = None
    authority_id: int | None = None
    cycle_name: str = ""
    version: int
    status: RecordStatus
    origin: VersionOrigin = VersionOrigin.EXPORTED
    created_at: dt.datetime
    file_name: str = ""
    document: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    # JSON list of [style, text, bookmark, text inside the bookmark], as reading.py reads them.
    paragraphs: str = "[]"
    # Fingerprint of the headings and bullets (built with a fixed status and version), so
    # an export can tell a re-print from a changed record.
    content_digest: str = ""
    sent_at: dt.datetime | None = None
    agreed_on: dt.date | None = None
    # A returned file: True once its changes were taken into the notes.
    taken_in: bool = False
    review_id: int | None = None  # a review report's review (schema version 7)


class RecordState(Versioned, table=True):
    """Where one record stands: its status, its latest version number, its lock."""

    record_key: str = Field(primary_key=True)
    kind: RecordKind
    day_id: int | None = None
    session_id: int | None = None
    authority_id: int | None = None
    cycle_name: str = ""
    status: RecordStatus = RecordStatus.DRAFT
    version: int = 0  # the latest version number exported; 0 before the first export
    locked: bool = False
    sent_version: int | None = None
    sent_at: dt.datetime | None = None
    agreed_on: dt.date | None = None
    agreed_version: int | None = None  # set by the first export after agreeing
    # Changes from a returned file were taken into the notes since the last export.
    taken_in_since_export: bool = False
    # A returned file kept as the amended text (its words are not in the notes).
    kept_version_id: int | None = None
    # The next export takes a new number whatever it says (set on reopening).
    bump_next: bool = False
    reopened_at: dt.datetime | None = None
    reopen_reason: str = ""
    review_id: int | None = None  # a review report's review (schema version 7)

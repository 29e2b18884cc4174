"""The life of a record document: draft → sent for amendment → amended → agreed.

Every export is kept (bytes, paragraphs, date, status), so what a director was sent can be
shown and compared with what they send back. The rules:

- A version number names one text. The first export is version 1, a draft. A later export
  keeps the number when the headings and bullets are unchanged (a re-print) and takes the
  next number when they have changed, so two different texts never share a number.
- `mark_sent` records that the latest version went out for amendment. Importing a returned
  file (roundtrip.py) makes the record "amended"; a new version built after that is an
  amended draft, still carrying the draft marks.
- `agree` needs a version that was sent (or came back amended): a note nobody was sent cannot
  have been agreed. It locks the record. The first export after agreeing is the agreed note:
  the same number, or the next one if returned changes were taken into the notes since the
  last export. After that only re-prints of that agreed version are allowed.
- `reopen` (with a reason) unlocks an agreed record; its next export takes a new number.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from sqlmodel import Session as DbSession
from sqlmodel import col, select

from facilitator.amendments.reading import (
    DocContents,
    DocParagraph,
    UnreadableDocumentError,
    paragraphs_from_json,
    paragraphs_to_json,
    read_document,
)
from facilitator.common.clock import Clock
from facilitator.common.events import Event
from facilitator.records.keys import RecordKey, long_date
from facilitator.records.tables import (
    RecordKind,
    RecordState,
    RecordStatus,
    RecordVersion,
    VersionOrigin,
)
from facilitator.storage.database import Database
from facilitator.storage.files import write_atomically
from facilitator.storage.word_locks import refuse_if_open, word_lock_files

__all__ = [
    "Builder",
    "RecordBook",
    "RecordError",
    "RecordKey",
    "RecordKind",
    "RecordLockedError",
    "RecordStateView",
    "RecordStatus",
    "VersionOrigin",
    "VersionView",
    "long_date",
    "refuse_if_open",
    "word_lock_files",
]

# Builds the document for a status and a version number and returns its .docx bytes.
Builder = Callable[[RecordStatus, int], bytes]
# The fixed stamp the content fingerprint is built with, so it depends on the notes alone.
_PROBE = (RecordStatus.DRAFT, 1)


class RecordError(ValueError):
    """A step the record's status does not allow; the message says why and what to do."""


class RecordLockedError(RecordError):
    """The record is agreed: it changes only after an explicit reopen."""


@dataclass(frozen=True)
class RecordStateView:
    key: RecordKey
    status: RecordStatus
    version: int  # the latest version exported; 0 before the first export
    locked: bool
    sent_version: int | None
    sent_at: dt.datetime | None
    agreed_on: dt.date | None
    agreed_version: int | None
    kept_amended: bool  # a returned file is kept as the amended text, not in the notes
    reopened_at: dt.datetime | None
    reopen_reason: str

    @property
    def exported(self) -> bool:
        return self.version > 0

    @property
    def sent_on(self) -> dt.date | None:
        """The day the latest sent version went out, in the machine's time zone."""
        return self.sent_at.astimezone().date() if self.sent_at else None


@dataclass(frozen=True)
class VersionView:
    id: int
    version: int
    status: RecordStatus
    origin: VersionOrigin
    created_at: dt.datetime
    file_name: str
    sent_at: dt.datetime | None
    agreed_on: dt.date | None
    taken_in: bool

    @property
    def label(self) -> str:
        """ "Version 2, draft, exported 3 February 2027"."""
        when = long_date(self.created_at.astimezone().date())
        if self.origin is VersionOrigin.RETURNED:
            what = "changes taken into the notes" if self.taken_in else "kept as amended text"
            return f"Version {self.version} returned amended {when} ({what})"
        status = self.status.value
        if self.agreed_on:
            status = f"agreed on {long_date(self.agreed_on)}"
        sent = f", sent {long_date(self.sent_at.astimezone().date())}" if self.sent_at else ""
        return f"Version {self.version}, {status}, exported {when}{sent}"


class RecordBook:
    """Exports record documents as numbered versions and keeps their status and lock.

    `changed` carries the key of the record touched.
    """

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self.changed: Event[RecordKey] = Event()

    # reading ----------------------------------------------------------------------------

    def status(self, key: RecordKey) -> RecordStateView:
        with self._db.session_scope() as s:
            state = s.get(RecordState, key.identifier)
            return _state_view(key, state)

    def versions(self, key: RecordKey) -> list[VersionView]:
        """Every file of the record, oldest first: exports and returned files."""
        with self._db.session_scope() as s:
            return [_version_view(row) for row in _rows(s, key)]

    def latest_export(self, key: RecordKey, number: int) -> VersionView | None:
        """The last file exported with this version number, if any."""
        with self._db.session_scope() as s:
            row = _latest_exported(s, key, number)
            return _version_view(row) if row else None

    def paragraphs(self, version_id: int) -> tuple[DocParagraph, ...]:
        with self._db.session_scope() as s:
            return paragraphs_from_json(_get_version(s, version_id).paragraphs)

    def document(self, version_id: int) -> bytes:
        with self._db.session_scope() as s:
            return bytes(_get_version(s, version_id).document)

    def save_copy(self, version_id: int, path: Path, *, overwrite: bool = False) -> None:
        """Writes a stored version (exported or returned) to `path`, exactly as kept."""
        data = self.document(version_id)
        refuse_if_open(Path(path))
        write_atomically(Path(path), data, overwrite=overwrite)

    # changing ---------------------------------------------------------------------------

    def export(
        self,
        key: RecordKey,
        builder: Builder,
        path: Path,
        *,
        overwrite: bool = False,
        set_aside_amended_text: bool = False,
    ) -> VersionView:
        """Builds the next version, writes it safely to `path` and keeps it.

        Raises RecordError (RecordLockedError) when the status does not allow it, WriteError
        when the file cannot be written; either way nothing is stored and any previous
        file at `path` is left as it was.
        """
        path = Path(path)
        refuse_if_open(path)
        probe = _read_built(builder(*_PROBE), key, _PROBE[1], check_version=False)
        digest = content_digest(probe.paragraphs)
        with self._db.session_scope() as s:
            state = s.get(RecordState, key.identifier)
            latest = _latest_exported(s, key) if state is not None else None
            number, status = _next_version(key, state, latest, digest, set_aside_amended_text)
        data = builder(status, number)
        contents = _read_built(data, key, number)
        now = self._now()
        with self._db.session_scope() as s:
            state = s.get(RecordState, key.identifier) or _new_state(key)
            row = RecordVersion(
                **_key_columns(key),
                version=number,
                status=status,
                origin=VersionOrigin.EXPORTED,
                created_at=now,
                file_name=path.name,
                document=data,
                paragraphs=paragraphs_to_json(contents.paragraphs),
                content_digest=digest,
                agreed_on=state.agreed_on if status is RecordStatus.AGREED else None,
            )
            s.add(row)
            s.flush()
            # Written inside the unit of work: if the file cannot be written, the version
            # is not stored either.
            write_atomically(path, data, overwrite=overwrite)
            if number != state.version:
                state.status = status
                state.bump_next = False
            state.version = number
            state.taken_in_since_export = False
            if set_aside_amended_text:
                state.kept_version_id = None
            if status is RecordStatus.AGREED:
                state.agreed_version = number
            s.add(state)
            view = _version_view(row)
        self.changed.emit(key)
        return view

    def mark_sent(self, key: RecordKey) -> RecordStateView:
        """Records that the latest version went to the director(s) for amendment."""
        now = self._now()
        with self._db.session_scope() as s:
            state = _exported_state(s, key, "Export it before marking it as sent.")
            if state.locked:
                raise RecordLockedError(
                    f"{_the(key)} was agreed on {long_date(state.agreed_on)}: there is nothing "
                    "to send for amendment. Reopen it first if it must change."
                )
            state.status = RecordStatus.SENT
            state.sent_version = state.version
            state.sent_at = now
            row = _latest_exported(s, key, state.version)
            if row is not None:
                row.sent_at = now
                s.add(row)
            s.add(state)
            view = _state_view(key, state)
        self.changed.emit(key)
        return view

    def agree(self, key: RecordKey, on: dt.date) -> RecordStateView:
        """Records the date the note was agreed and locks it."""
        with self._db.session_scope() as s:
            state = _exported_state(
                s, key, "Export it and send it for amendment before recording it as agreed."
            )
            if state.locked:
                raise RecordLockedError(
                    f"{_the(key)} was already agreed on {long_date(state.agreed_on)}."
                )
            if state.status is RecordStatus.DRAFT:
                raise RecordError(
                    f"Version {state.version} of {_the(key).lower()} has not been sent for "
                    "amendment. Mark it as sent (or import the returned copy) before "
                    "recording that it is agreed."
                )
            state.status = RecordStatus.AGREED
            state.locked = True
            state.agreed_on = on
            state.agreed_version = None
            s.add(state)
            view = _state_view(key, state)
        self.changed.emit(key)
        return view

    def reopen(self, key: RecordKey, reason: str) -> RecordStateView:
        """Unlocks an agreed record so it can change; the next export is a new version."""
        reason = " ".join(reason.split())
        if not reason:
            raise RecordError(
                "Say why the agreed note is being reopened: the reason is kept with the record."
            )
        with self._db.session_scope() as s:
            state = s.get(RecordState, key.identifier)
            if state is None or not state.locked:
                raise RecordError(f"{_the(key)} is not agreed, so there is nothing to reopen.")
            returned = s.exec(
                select(RecordVersion.id).where(
                    RecordVersion.record_key == key.identifier,
                    RecordVersion.origin == VersionOrigin.RETURNED,
                )
            ).first()
            state.status = RecordStatus.AMENDED if returned is not None else RecordStatus.DRAFT
            state.locked = False
            state.agreed_on = None
            state.agreed_version = None
            state.bump_next = True
            state.reopened_at = self._now()
            state.reopen_reason = reason
            s.add(state)
            view = _state_view(key, state)
        self.changed.emit(key)
        return view

    def record_return(
        self,
        key: RecordKey,
        *,
        version: int,
        file_name: str,
        document: bytes,
        paragraphs: Iterable[DocParagraph],
        taken_in: bool,
    ) -> VersionView:
        """Keeps a file a director sent back and makes the record "amended".

        `taken_in`: its changes went into the notes; otherwise it is kept as the amended
        text, and an export from the notes asks for confirmation (it would leave them out).
        Called by the round trip once the notes are updated.
        """
        paragraphs = tuple(paragraphs)
        with self._db.session_scope() as s:
            state = _exported_state(s, key, "Balcony has no export of it to compare with.")
            if state.locked:
                raise RecordLockedError(_locked_message(key, state))
            row = RecordVersion(
                **_key_columns(key),
                version=version,
                status=RecordStatus.AMENDED,
                origin=VersionOrigin.RETURNED,
                created_at=self._now(),
                file_name=file_name,
                document=document,
                paragraphs=paragraphs_to_json(paragraphs),
                content_digest=content_digest(paragraphs),
                taken_in=taken_in,
            )
            s.add(row)
            s.flush()
            state.status = RecordStatus.AMENDED
            state.sent_version = max(state.sent_version or 0, version)
            state.taken_in_since_export = state.taken_in_since_export or taken_in
            state.kept_version_id = None if taken_in else row.id
            s.add(state)
            view = _version_view(row)
        self.changed.emit(key)
        return view

    def _now(self) -> dt.datetime:
        return self._clock.wall_now().astimezone(dt.UTC)


# the rules -------------------------------------------------------------------------------


def _next_version(
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
        raise RecordLockedError(_locked_message(key, state))
    if state.bump_next:
        return state.version + 1, state.status
    if same:
        return state.version, state.status  # a re-print of the latest version
    status = RecordStatus.AMENDED if state.status is RecordStatus.AMENDED else RecordStatus.DRAFT
    return state.version + 1, status


def _locked_message(key: RecordKey, state: RecordState) -> str:
    return (
        f"{_the(key)} was agreed on {long_date(state.agreed_on)} and is locked, but its notes "
        "have changed since that version. Undo the changes, or reopen it (saying why) to "
        "send a new version."
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


def _read_built(
    data: bytes, key: RecordKey, number: int, *, check_version: bool = True
) -> DocContents:
    """Reads back a document just built, checking it names the record it was built for."""
    try:
        contents = read_document(data)
    except UnreadableDocumentError as exc:
        raise RecordError(
            f"The document built for {_the(key).lower()} is unreadable: {exc}"
        ) from exc
    if contents.identifier != key.identifier:
        raise RecordError(
            f"The document built for {_the(key).lower()} carries the identifier "
            f"“{contents.identifier}”, not “{key.identifier}”."
        )
    if check_version and contents.version != str(number):
        raise RecordError(
            f"The document built as version {number} says it is version “{contents.version}”."
        )
    return contents


# storage ---------------------------------------------------------------------------------


class _KeyColumns(TypedDict):
    record_key: str
    kind: RecordKind
    day_id: int | None
    session_id: int | None
    authority_id: int | None
    cycle_name: str


def _key_columns(key: RecordKey) -> _KeyColumns:
    return {
        "record_key": key.identifier,
        "kind": key.kind,
        "day_id": key.day_id,
        "session_id": key.session_id,
        "authority_id": key.authority_id,
        "cycle_name": key.cycle_name,
    }


def _new_state(key: RecordKey) -> RecordState:
    return RecordState(**_key_columns(key))


def _exported_state(s: DbSession, key: RecordKey, fix: str) -> RecordState:
    state = s.get(RecordState, key.identifier)
    if state is None or state.version < 1:
        raise RecordError(f"{_the(key)} has not been exported yet. {fix}")
    return state


def _rows(s: DbSession, key: RecordKey) -> list[RecordVersion]:
    return list(
        s.exec(
            select(RecordVersion)
            .where(RecordVersion.record_key == key.identifier)
            .order_by(col(RecordVersion.created_at), col(RecordVersion.id))
        ).all()
    )


def _latest_exported(
    s: DbSession, key: RecordKey, number: int | None = None
) -> RecordVersion | None:
    query = select(RecordVersion).where(
        RecordVersion.record_key == key.identifier,
        RecordVersion.origin == VersionOrigin.EXPORTED,
    )
    if number is not None:
        query = query.where(RecordVersion.version == number)
    return s.exec(query.order_by(col(RecordVersion.id).desc())).first()


def _get_version(s: DbSession, version_id: int) -> RecordVersion:
    row = s.get(RecordVersion, version_id)
    if row is None:
        raise LookupError(f"There is no stored version with id {version_id}.")
    return row


def _state_view(key: RecordKey, state: RecordState | None) -> RecordStateView:
    if state is None:
        state = _new_state(key)
    return RecordStateView(
        key=key,
        status=state.status,
        version=state.version,
        locked=state.locked,
        sent_version=state.sent_version,
        sent_at=state.sent_at,
        agreed_on=state.agreed_on,
        agreed_version=state.agreed_version,
        kept_amended=state.kept_version_id is not None,
        reopened_at=state.reopened_at,
        reopen_reason=state.reopen_reason,
    )


def _version_view(row: RecordVersion) -> VersionView:
    if row.id is None:
        raise RuntimeError("a version must be flushed before it is viewed")
    return VersionView(
        id=row.id,
        version=row.version,
        status=row.status,
        origin=row.origin,
        created_at=row.created_at,
        file_name=row.file_name,
        sent_at=row.sent_at,
        agreed_on=row.agreed_on,
        taken_in=row.taken_in,
    )


def _the(key: RecordKey) -> str:
    return f"The {key.kind.label}"

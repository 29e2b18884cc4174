"""The life of a record document: draft → sent for amendment → amended → agreed.

Every export is kept (bytes, paragraphs, date, status), so what a director was sent can be
shown and compared with what they send back. The rules:

- A version number names one text. The first export is version 1, a draft. A later export
  keeps the number when the headings and bullets are unchanged (a re-print) and takes the
  next number when they have changed, so two different texts never share a number.
- `mark_sent` records that the latest version went out for amendment. Importing a returned
  file (amendments/round_trip.py) makes the record "amended"; a new version built after that is an
  amended draft, still carrying the draft marks.
- `agree` needs a version that was sent (or came back amended): a note nobody was sent cannot
  have been agreed. It locks the record. The first export after agreeing is the agreed note:
  the same number, or the next one if returned changes were taken into the notes since the
  last export. After that only re-prints of that agreed version are allowed.
- `reopen` (with a reason) unlocks an agreed record; its next export takes a new number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlmodel import select

from facilitator.common.clock import Clock
from facilitator.common.events import Event
from facilitator.records.keys import RecordKey, long_date
from facilitator.records.reading import (
    DocParagraph,
    paragraphs_from_json,
    paragraphs_to_json,
)
from facilitator.records.version_rows import (
    RecordStateView,
    VersionView,
    all_versions,
    exported_state,
    get_version,
    key_columns,
    latest_exported,
    new_state,
    state_view,
    version_view,
)
from facilitator.records.version_rules import (
    RecordError,
    RecordLockedError,
    content_digest,
    locked_message,
    next_version,
    read_built,
    the_record,
)
from facilitator.storage.database import Database
from facilitator.storage.files import write_atomically
from facilitator.storage.record_tables import (
    RecordKind,
    RecordState,
    RecordStatus,
    RecordVersion,
    VersionOrigin,
)
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
            return state_view(key, state)

    def versions(self, key: RecordKey) -> list[VersionView]:
        """Every file of the record, oldest first: exports and returned files."""
        with self._db.session_scope() as s:
            return [version_view(row) for row in all_versions(s, key)]

    def latest_export(self, key: RecordKey, number: int) -> VersionView | None:
        """The last file exported with this version number, if any."""
        with self._db.session_scope() as s:
            row = latest_exported(s, key, number)
            return version_view(row) if row else None

    def paragraphs(self, version_id: int) -> tuple[DocParagraph, ...]:
        with self._db.session_scope() as s:
            return paragraphs_from_json(get_version(s, version_id).paragraphs)

    def document(self, version_id: int) -> bytes:
        with self._db.session_scope() as s:
            return bytes(get_version(s, version_id).document)

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
        probe = read_built(builder(*_PROBE), key, _PROBE[1], check_version=False)
        digest = content_digest(probe.paragraphs)
        with self._db.session_scope() as s:
            state = s.get(RecordState, key.identifier)
            latest = latest_exported(s, key) if state is not None else None
            number, status = next_version(key, state, latest, digest, set_aside_amended_text)
        data = builder(status, number)
        contents = read_built(data, key, number)
        now = self._now()
        with self._db.session_scope() as s:
            state = s.get(RecordState, key.identifier) or new_state(key)
            row = RecordVersion(
                **key_columns(key),
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
            view = version_view(row)
        self.changed.emit(key)
        return view

    def mark_sent(self, key: RecordKey) -> RecordStateView:
        """Records that the latest version went to the director(s) for amendment."""
        now = self._now()
        with self._db.session_scope() as s:
            state = exported_state(s, key, "Export it before marking it as sent.")
            if state.locked:
                raise RecordLockedError(
                    f"{the_record(key)} was agreed on {long_date(state.agreed_on)}: there is "
                    "nothing to send for amendment. Reopen it first if it must change."
                )
            state.status = RecordStatus.SENT
            state.sent_version = state.version
            state.sent_at = now
            row = latest_exported(s, key, state.version)
            if row is not None:
                row.sent_at = now
                s.add(row)
            s.add(state)
            view = state_view(key, state)
        self.changed.emit(key)
        return view

    def agree(self, key: RecordKey, on: dt.date) -> RecordStateView:
        """Records the date the note was agreed and locks it."""
        with self._db.session_scope() as s:
            state = exported_state(
                s, key, "Export it and send it for amendment before recording it as agreed."
            )
            if state.locked:
                raise RecordLockedError(
                    f"{the_record(key)} was already agreed on {long_date(state.agreed_on)}."
                )
            if state.status is RecordStatus.DRAFT:
                raise RecordError(
                    f"Version {state.version} of {the_record(key).lower()} has not been sent for "
                    "amendment. Mark it as sent (or import the returned copy) before "
                    "recording that it is agreed."
                )
            state.status = RecordStatus.AGREED
            state.locked = True
            state.agreed_on = on
            state.agreed_version = None
            s.add(state)
            view = state_view(key, state)
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
                raise RecordError(
                    f"{the_record(key)} is not agreed, so there is nothing to reopen."
                )
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
            view = state_view(key, state)
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
            state = exported_state(s, key, "Balcony has no export of it to compare with.")
            if state.locked:
                raise RecordLockedError(locked_message(key, state))
            row = RecordVersion(
                **key_columns(key),
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
            view = version_view(row)
        self.changed.emit(key)
        return view

    def _now(self) -> dt.datetime:
        return self._clock.wall_now().astimezone(dt.UTC)

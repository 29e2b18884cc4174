"""Exporting the record: each document built from the stored day and kept as a version.

Joins the documents (facilitator.word) to the versions (RecordBook): the book decides the
version number and status, the builders write the words, and every session note passes the
confidentiality check on the way out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from facilitator.planning.day_sessions import SessionInfo, presenting_sessions
from facilitator.records.collect import (
    agreed_status_line,
    collect_cycle_report,
    collect_day_summary,
    collect_session_note,
    draft_status_line,
)
from facilitator.records.confidentiality import check_only_this_session
from facilitator.records.keys import RecordKey
from facilitator.records.sources import RecordSources
from facilitator.records.tables import RecordKind, RecordStatus
from facilitator.records.versions import VersionView
from facilitator.word.record_content import DEFAULT_MARKING, SessionNoteContent, Stamp

__all__ = ["DEFAULT_MARKING", "DayRecord", "RecordExports"]


@dataclass(frozen=True)
class DayRecord:
    """One document of a day's record, as the records list shows it."""

    key: RecordKey
    title: str
    file_stem: str
    session: SessionInfo | None

    @property
    def described(self) -> str:
        """The record inside a sentence: "session note for Ashvale", "day summary"."""
        if self.session is not None:
            return f"session note for {self.session.authority_name}"
        return self.title[:1].lower() + self.title[1:]


class RecordExports:
    def __init__(
        self,
        workspace: RecordSources,
        *,
        marking: str | None = DEFAULT_MARKING,
        template: Path | None = None,
    ) -> None:
        self.workspace = workspace
        self.marking = marking
        self.template = template

    def day_records(self, day_id: int) -> list[DayRecord]:
        plan = self.workspace.planner.day_plan(day_id)
        date = plan.summary.date.isoformat()
        records = [
            DayRecord(
                RecordKey.session_note(day_id, info.session_id, info.authority_id),
                f"Session note: {info.authority_name}",
                f"{date} {info.authority_name} session note",
                info,
            )
            for info in presenting_sessions(self.workspace.db, day_id)
        ]
        records.append(
            DayRecord(RecordKey.day_summary(day_id), "Day summary", f"{date} day summary", None)
        )
        return records

    def export(self, record: DayRecord, path: Path, *, overwrite: bool = False) -> VersionView:
        """Writes the record's next version to `path` and keeps it; see RecordBook.export."""
        return self._export(record.key, path, overwrite)

    def export_cycle_report(
        self, cycle_name: str, path: Path, *, overwrite: bool = False
    ) -> VersionView:
        return self._export(RecordKey.cycle_report(cycle_name), path, overwrite)

    def session_note_content(self, session_id: int) -> SessionNoteContent:
        """What a session note says now: the content its Word file is built from, for paper."""
        return collect_session_note(self.workspace, session_id)

    def check_session_note(self, content: SessionNoteContent, lines: Iterable[str]) -> None:
        """Raises ConfidentialityError if `lines`, a note laid out for paper, show another
        session's words: the same check every Word export passes."""
        check_only_this_session(self.workspace, content, lines)

    def document(self, key: RecordKey, status: RecordStatus, version: int) -> bytes:
        """One version of a record as .docx bytes, built from the stored day: the one way to
        a record document's bytes, so no session note skips its confidentiality check."""
        # Here, not at the top: the records window opens without loading python-docx.
        from facilitator.word.conventions import document_bytes
        from facilitator.word.cycle_report import build_cycle_report
        from facilitator.word.day_summary import build_day_summary
        from facilitator.word.record_parts import body_lines
        from facilitator.word.session_note import build_session_note

        stamp = Stamp(self._now(), self.marking, self.template, version, status.label)
        if key.kind is RecordKind.SESSION_NOTE:
            assert key.session_id is not None
            content = collect_session_note(self.workspace, key.session_id)
            state = self.workspace.records.status(key)
            if status is RecordStatus.AGREED:
                agreed_on = state.agreed_on or stamp.generated_at.date()
                doc = build_session_note(
                    content,
                    stamp,
                    status_line=agreed_status_line(agreed_on),
                    draft_version=None,
                    agreed_on=agreed_on,
                )
            else:
                doc = build_session_note(
                    content,
                    stamp,
                    status_line=draft_status_line(version, state.sent_on),
                    draft_version=version,
                    agreed_on=None,
                )
            check_only_this_session(self.workspace, content, body_lines(doc))
        elif key.kind is RecordKind.DAY_SUMMARY:
            assert key.day_id is not None
            doc = build_day_summary(collect_day_summary(self.workspace, key.day_id), stamp)
        else:
            doc = build_cycle_report(collect_cycle_report(self.workspace, key.cycle_name), stamp)
        return document_bytes(doc)

    def _export(self, key: RecordKey, path: Path, overwrite: bool) -> VersionView:
        return self.workspace.records.export(
            key,
            lambda status, version: self.document(key, status, version),
            path,
            overwrite=overwrite,
        )

    def _now(self) -> dt.datetime:
        return self.workspace.clock.wall_now().astimezone()

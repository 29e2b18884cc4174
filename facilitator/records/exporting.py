"""Exporting the record: each document built from the stored day and kept as a version.

Joins the documents (facilitator.word) to the versions (RecordBook): the book decides the
version number and status, the builders write the words, and every session note passes the
confidentiality check on the way out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from facilitator.word.figures import FigureRenderer, RecordFigure

from facilitator.charts.figures import Figure
from facilitator.common.clean_text import single_line, word_safe
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
from facilitator.records.record_figures import (
    cycle_report_figures,
    day_summary_figures,
    session_note_figures,
)
from facilitator.records.review_records import collect_forward_plan, collect_review_report
from facilitator.records.sources import RecordSources
from facilitator.records.versions import RecordError, VersionView
from facilitator.storage.files import WriteError
from facilitator.storage.models import Review
from facilitator.storage.record_tables import RecordKind, RecordStatus
from facilitator.storage.rows import get_stored
from facilitator.word.record_content import DEFAULT_MARKING, SessionNoteContent, Stamp
from facilitator.word.session_note_words import (
    ConfidentialityError,
    agreed_mark,
    dated_draft_mark,
)

__all__ = ["DEFAULT_MARKING", "DayRecord", "ExportError", "RecordExports", "file_stem"]

STEM_LIMIT = 100  # characters: room for the folder and ".docx" within Windows' 260
_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# write_atomically's temporary files: ".<name>.docx.<8 random characters>.tmp".
_TEMPORARY = re.compile(r"\..+\.docx\.[a-z0-9_]{8}\.tmp")
STALE_SECONDS = 60  # older than any export still being written
_T = TypeVar("_T")
logger = logging.getLogger(__name__)


class ExportError(WriteError):
    """A record that could not be exported; the message names it, the cause and the fix."""


def file_stem(text: str) -> str:
    """`text` as a file name (without its suffix) every system accepts: one line, no
    characters Windows refuses (each becomes "-"), at most STEM_LIMIT characters, no
    leading or trailing dots or spaces. The one place names built from the user's words
    (an authority, a cycle) become file names."""
    cleaned = _NOT_IN_NAMES.sub("-", single_line(text))[:STEM_LIMIT]
    return cleaned.strip(" .") or "record"


@dataclass(frozen=True)
class DayRecord:
    """One document of a day's record, as the records list shows it."""

    key: RecordKey
    title: str
    file_stem: str
    session: SessionInfo | None

    @property
    def named(self) -> str:
        """The record at the start of a sentence: "Ashvale’s session note", "The day summary"."""
        if self.session is not None:
            return f"{single_line(self.session.authority_name)}’s session note"
        return f"The {self.title[:1].lower()}{self.title[1:]}"

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
        figures: FigureRenderer | None = None,
    ) -> None:
        """`figures` draws the charts a record carries; without it they are in words only."""
        self.workspace = workspace
        self.marking = marking
        self.template = template
        self.figures = figures
        self._pictures: dict[Figure, bytes | None] = {}

    def day_records(self, day_id: int) -> list[DayRecord]:
        plan = self.workspace.planner.day_plan(day_id)
        date = plan.summary.date.isoformat()
        records = [
            DayRecord(
                RecordKey.session_note(day_id, info.session_id, info.authority_id),
                f"Session note: {single_line(info.authority_name)}",
                file_stem(f"{date} {info.authority_name} session note"),
                info,
            )
            for info in presenting_sessions(self.workspace.db, day_id)
        ]
        records.append(
            DayRecord(RecordKey.day_summary(day_id), "Day summary", f"{date} day summary", None)
        )
        return records

    def export(
        self,
        record: DayRecord,
        path: Path,
        *,
        overwrite: bool = False,
        set_aside_amended_text: bool = False,
    ) -> VersionView:
        """Writes the record's next version to `path` and keeps it; see RecordBook.export.
        `set_aside_amended_text` is the confirmation that a file built from the notes is
        wanted although a returned copy was kept as the amended text (its changes are left
        out). Raises RecordError as the book does, or ExportError naming the record."""
        return self._export(record.key, record.named, path, overwrite, set_aside_amended_text)

    def export_cycle_report(
        self, cycle_name: str, path: Path, *, overwrite: bool = False
    ) -> VersionView:
        """A cycle's report; LookupError if the cycle has no days."""
        _has_days(self.workspace, cycle_name)
        key = RecordKey.cycle_report(cycle_name)
        return self._export(key, f"The {single_line(cycle_name)} cycle report", path, overwrite)

    def export_review_report(
        self, review_id: int, path: Path, *, overwrite: bool = False
    ) -> VersionView:
        """The report of a PCTR or SAV; LookupError if there is no such review."""
        key = RecordKey.review_report(review_id)
        with self.workspace.db.session_scope() as s:  # said plainly, before any file is made
            get_stored(s, Review, review_id, "review")
        return self._export(key, f"The report of review {review_id}", path, overwrite)

    def export_forward_plan(
        self, cycle_name: str, path: Path, *, overwrite: bool = False
    ) -> VersionView:
        """A cycle's forward plan; LookupError if the cycle has no days."""
        _has_days(self.workspace, cycle_name)
        key = RecordKey.forward_plan(cycle_name)
        return self._export(key, f"The {single_line(cycle_name)} forward plan", path, overwrite)

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
        from facilitator.word.forward_plan import build_forward_plan
        from facilitator.word.rendered_text import rendered_text
        from facilitator.word.review_report import build_review_report
        from facilitator.word.session_note import build_session_note

        marking = word_safe(self.marking) if self.marking else self.marking
        stamp = Stamp(self._now(), marking, self.template, version, status.label)
        if key.kind is RecordKind.SESSION_NOTE:
            assert key.session_id is not None
            content = word_safe_all(collect_session_note(self.workspace, key.session_id))
            state = self.workspace.records.status(key)
            assert key.day_id is not None
            appendix = self._figures(session_note_figures(self.workspace, key.day_id))
            if status is RecordStatus.AGREED:
                agreed_on = state.agreed_on or stamp.generated_at.date()
                doc = build_session_note(
                    content,
                    stamp,
                    status_line=agreed_status_line(agreed_on),
                    draft_version=None,
                    agreed_on=agreed_on,
                    figures=appendix,
                )
            else:
                doc = build_session_note(
                    content,
                    stamp,
                    status_line=draft_status_line(version, state.sent_on),
                    draft_version=version,
                    agreed_on=None,
                    figures=appendix,
                )
            check_only_this_session(self.workspace, content, rendered_text(doc))
        elif key.kind is RecordKind.DAY_SUMMARY:
            assert key.day_id is not None
            summary = word_safe_all(collect_day_summary(self.workspace, key.day_id))
            figures = self._figures(day_summary_figures(self.workspace, key.day_id))
            mark = self._mark(key, status, version, stamp)
            doc = build_day_summary(summary, stamp, mark, figures)
        elif key.kind is RecordKind.REVIEW_REPORT:
            assert key.review_id is not None
            review = word_safe_all(collect_review_report(self.workspace, key.review_id))
            doc = build_review_report(review, stamp, self._mark(key, status, version, stamp))
        elif key.kind is RecordKind.FORWARD_PLAN:
            plan = word_safe_all(collect_forward_plan(self.workspace, key.cycle_name))
            doc = build_forward_plan(plan, stamp, self._mark(key, status, version, stamp))
        else:
            report = word_safe_all(collect_cycle_report(self.workspace, key.cycle_name))
            figures = self._figures(cycle_report_figures(self.workspace, key.cycle_name))
            mark = self._mark(key, status, version, stamp)
            doc = build_cycle_report(report, stamp, mark, figures)
        return document_bytes(doc)

    def _figures(self, figures: list[Figure]) -> tuple[RecordFigure, ...]:
        """The charts in words and, when a renderer was given, pictures: each drawn once
        however often a record is built (an export builds it twice)."""
        from facilitator.word.figures import RecordFigure, figure_title

        wanted = [word_safe_all(figure) for figure in figures]
        missing = [figure for figure in wanted if figure not in self._pictures]
        if missing:
            drawn: list[bytes | None] = [None] * len(missing)
            if self.figures is not None:
                try:
                    drawn = list(self.figures(missing))
                except Exception:  # a picture is a courtesy: its words are in the record
                    logger.exception("Charts could not be drawn; the record has their words")
            self._pictures.update(zip(missing, drawn, strict=True))
        return tuple(RecordFigure(figure_title(f), f.alt_text, self._pictures[f]) for f in wanted)

    def _mark(self, key: RecordKey, status: RecordStatus, version: int, stamp: Stamp) -> str:
        """What heads each page of a day summary, report or plan, as a session note's does:
        "Agreed on <date>", else "DRAFT — version N — <date issued>"."""
        issued = stamp.generated_at.date()
        if status is RecordStatus.AGREED:
            return agreed_mark(self.workspace.records.status(key).agreed_on or issued)
        return dated_draft_mark(version, issued)

    def _export(
        self,
        key: RecordKey,
        named: str,
        path: Path,
        overwrite: bool,
        set_aside_amended_text: bool = False,
    ) -> VersionView:
        path = Path(path)
        remove_stale_temporaries(path.parent)
        try:
            return self.workspace.records.export(
                key,
                lambda status, version: self.document(key, status, version),
                path,
                overwrite=overwrite,
                set_aside_amended_text=set_aside_amended_text,
            )
        except RecordError:
            raise  # says what the record's status allows; the caller names the record
        except ConfidentialityError:
            raise  # names the note and the other session already; callers check its kind
        except WriteError as exc:
            raise ExportError(f"{named} was not exported: {exc}") from exc
        except (ValueError, TypeError, KeyError, LookupError) as exc:
            # python-docx refusing the text ("All strings must be XML compatible") or a
            # template it cannot fill: a bug or bad data, but the others must still export.
            raise ExportError(
                f"{named} was not exported: Word could not be given its text ({exc}). Look "
                "in its notes for unusual characters and retype them, then export it again."
            ) from exc

    def _now(self) -> dt.datetime:
        return self.workspace.clock.wall_now().astimezone()


def _has_days(workspace: RecordSources, cycle_name: str) -> None:
    """LookupError naming the cycles there are, if `cycle_name` (as typed) has no days."""
    names = sorted({d.cycle_name for d in workspace.planner.list_days() if d.cycle_name})
    if cycle_name not in names:
        there = ", ".join(f"“{name}”" for name in names) or "none yet"
        raise LookupError(
            f"There are no days in the cycle “{cycle_name}”: the cycles are {there} "
            "(balcony days lists each day's cycle)."
        )


def word_safe_all(content: _T) -> _T:
    """`content` (a record's dataclasses, tuples and strings) with every string word_safe:
    the last defence should a stored text hold a character Word cannot, as text stored
    before cleaning came in, or written to the data file by another program, may."""
    return _clean(content)  # type: ignore[no-any-return]


def _clean(value: Any) -> Any:
    # Exact types: an enum's value (a StrEnum is a str) or a named tuple must stay itself.
    if type(value) is str:
        return word_safe(value)
    if type(value) in (tuple, list, frozenset):
        return type(value)(_clean(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return dataclasses.replace(
            value, **{f.name: _clean(getattr(value, f.name)) for f in fields if f.init}
        )
    return value


def remove_stale_temporaries(folder: Path) -> None:
    """Deletes the temporary files an export killed part-way left in `folder` (hidden,
    holding a whole note): Balcony's pattern only, only older than a minute (so an export
    still running elsewhere keeps its own), only regular files of this user."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # the export itself will say what is wrong with the folder
    cutoff = time.time() - STALE_SECONDS
    uid = os.getuid() if hasattr(os, "getuid") else None
    for entry in entries:
        if not _TEMPORARY.fullmatch(entry.name):
            continue
        try:
            found = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False) or found.st_mtime > cutoff:
                continue
            if uid is not None and found.st_uid != uid:
                continue
            os.unlink(entry.path)
        except OSError:
            continue  # another export removed it, or it is not ours to remove

"""The records of the regional scheme, asked for from its windows: a review's report and a
cycle's forward plan exported as Word, and the report's life (sent, agreed, reopened).

Each step asks what it needs (a file, a date, a reason), does it through the record book and
returns what to tell the coordinator, or None if they stopped or were told why not in a
message box naming the problem and the fix. The wording follows the records window's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from facilitator.records.exporting import RecordExports, file_stem
from facilitator.records.keys import RecordKey, long_date
from facilitator.records.versions import (
    RecordBook,
    RecordError,
    RecordStatus,
    VersionOrigin,
)
from facilitator.reviews.service import ReviewView
from facilitator.storage.files import WriteError
from facilitator.workspace import Workspace
from ui.records.settings import record_exports
from ui.records.steps import WORD_FILES, AgreeDialog, ask_reopen_reason, choose_save_path

FORWARD_PLAN = "Forward plan"


def review_named(review: ReviewView) -> str:
    """ "PCTR of Nottingham"."""
    return f"{review.kind.name.replace('_', ' ')} of {review.host}"


def report_named(review: ReviewView) -> str:
    """ "report of the PCTR of Nottingham", inside a sentence."""
    return f"report of the {review_named(review)}"


def report_stem(review: ReviewView) -> str:
    """ "Nottingham PCTR report, 10-12 Aug 2015"."""
    kind = review.kind.name.replace("_", " ")
    return file_stem(f"{review.host} {kind} report, {review.draft.dates.words}")


def record_summary(records: RecordBook, key: RecordKey) -> str:
    """Where the record stands, in a few words: "Draft 2, exported 1 December 2026"."""
    state = records.status(key)
    if not state.exported:
        return "Not exported yet."
    exported = [v for v in records.versions(key) if v.origin is VersionOrigin.EXPORTED]
    latest = max(exported, key=lambda v: (v.version, v.created_at), default=None)
    when = f", exported {long_date(latest.created_at.astimezone().date())}" if latest else ""
    if state.locked:
        return f"Agreed on {long_date(state.agreed_on)} and locked (version {state.version}{when})."
    if state.status is RecordStatus.SENT:
        return f"Version {state.version} sent for amendment on {long_date(state.sent_on)}."
    return f"{state.status.label} {state.version}{when}."


def can_mark_sent(records: RecordBook, key: RecordKey) -> bool:
    state = records.status(key)
    return state.exported and not state.locked and (state.sent_version or 0) < state.version


def can_agree(records: RecordBook, key: RecordKey) -> bool:
    state = records.status(key)
    return state.exported and not state.locked and state.status is not RecordStatus.DRAFT


def is_locked(records: RecordBook, key: RecordKey) -> bool:
    return records.status(key).locked


# exporting --------------------------------------------------------------------------------


def export_review_report_interactively(
    exports: RecordExports, review: ReviewView, settings: QSettings, parent: QWidget | None
) -> Path | None:
    """Asks where, and exports the review's report as its next version; the path, or None."""
    named = report_named(review)
    path = choose_save_path(
        parent, settings, f"Export the {named}", report_stem(review), ".docx", WORD_FILES
    )
    if path is None:
        return None
    try:
        # The save dialog has already asked before replacing a file.
        exports.export_review_report(review.id, path, overwrite=True)
    except (RecordError, WriteError) as exc:  # RecordLockedError and ExportError say the fix
        _problem(parent, "Export report", str(exc))
        return None
    except LookupError as exc:
        _problem(parent, "Export report", f"{exc} Choose the review again in the list.")
        return None
    return path


def export_forward_plan_interactively(
    workspace: Workspace,
    exports: RecordExports | None = None,
    parent: QWidget | None = None,
    settings: QSettings | None = None,
) -> Path | None:
    """Asks which cycle and where, and exports its forward plan; the path, or None.
    `exports` is marked and laid out as the record settings say, unless given."""
    settings = settings if settings is not None else QSettings()
    exports = exports if exports is not None else record_exports(workspace, settings)
    days = workspace.planner.list_days()
    cycles = sorted({d.cycle_name for d in days if d.cycle_name})
    if not cycles:
        QMessageBox.information(
            parent,
            FORWARD_PLAN,
            "No day belongs to a cycle yet. Give the days a cycle name in their details to "
            "plan the cycle’s support forward.",
        )
        return None
    latest = max((d for d in days if d.cycle_name), key=lambda d: d.date).cycle_name
    cycle, ok = QInputDialog.getItem(
        parent, FORWARD_PLAN, "Which cycle?", cycles, cycles.index(latest), False
    )
    if not ok or not cycle:
        return None
    title = f"Export the forward plan for {cycle}"
    path = choose_save_path(
        parent, settings, title, file_stem(f"{cycle} forward plan"), ".docx", WORD_FILES
    )
    if path is None:
        return None
    try:
        exports.export_forward_plan(cycle, path, overwrite=True)
    except (RecordError, WriteError) as exc:
        _problem(parent, FORWARD_PLAN, str(exc))
        return None
    except LookupError as exc:
        _problem(parent, FORWARD_PLAN, f"{exc} Choose another cycle.")
        return None
    return path


# the report's life ------------------------------------------------------------------------


def mark_sent(records: RecordBook, review: ReviewView, parent: QWidget | None) -> str | None:
    key = RecordKey.review_report(review.id)
    try:
        state = records.mark_sent(key)
    except RecordError as exc:
        _problem(parent, "Mark as sent", str(exc))
        return None
    return f"Version {state.version} of the {report_named(review)} marked as sent."


def agree(
    records: RecordBook, review: ReviewView, today: dt.date, parent: QWidget | None
) -> str | None:
    """Asks the date it was agreed (warning that agreeing locks it) and records it."""
    named = report_named(review)
    dialog = AgreeDialog(named, today, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        state = records.agree(RecordKey.review_report(review.id), dialog.agreed_on())
    except RecordError as exc:
        _problem(parent, "Agree", str(exc))
        return None
    return (
        f"The {named} is agreed on {long_date(state.agreed_on)} and locked. "
        "Export it for the agreed copy."
    )


def reopen(records: RecordBook, review: ReviewView, parent: QWidget) -> str | None:
    """Asks why the agreed report is reopened, confirms it, and unlocks it."""
    key = RecordKey.review_report(review.id)
    named = report_named(review)
    reason = ask_reopen_reason(named, records.status(key).agreed_on, parent)
    if reason is None:
        return None
    try:
        records.reopen(key, reason)
    except RecordError as exc:
        _problem(parent, "Reopen", str(exc))
        return None
    return f"The {named} is reopened. Its next export is a new version."


def _problem(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)

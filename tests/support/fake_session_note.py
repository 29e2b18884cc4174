"""A small stand-in for the session-note builder, following its contract exactly.

core_properties: identifier "balcony:session-note:{day}:{session}:{authority}", version,
content_status. Headings in Heading 1/2; bullets in "List Bullet", each stored row's words
inside a bookmark ("note-12", "action-3", "exchange-5") and any attribution after it, outside.
A draft says "DRAFT for amendment — version N" in its header and in a status line; an agreed
note carries its agreed date and no draft marks. Also: what a director does in Word.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from itertools import count
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from facilitator.amendments.round_trip import RoundTrip
from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.demo import create_demo_day
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.versions import RecordBook, RecordKey, RecordStatus
from facilitator.workspace import Workspace

STAGE_HEADINGS = {
    StageKind.PRESENTATION: "Presentation",
    StageKind.QUESTIONING: "Discussion",
    StageKind.AFFIRMATION: "Strengths",
    StageKind.INSIGHTS: "Insights from the balcony",
    StageKind.REACTION: "Reaction",
    StageKind.REFLECTION: "Reflection",
}
ACTIONS, EXCHANGES = "Actions", "Asks and offers"


@dataclass
class Session:
    """One presenting authority's session on the demo day, with its record services."""

    workspace: Workspace
    book: RecordBook
    trip: RoundTrip
    day_id: int
    session_id: int
    authority_id: int
    authority: str
    stages: dict[StageKind, int]

    @property
    def key(self) -> RecordKey:
        return RecordKey.session_note(self.day_id, self.session_id, self.authority_id)

    def builder(self, status: RecordStatus, version: int) -> bytes:
        return build_session_note(self, status, version)

    def texts(self, kind: StageKind) -> list[str]:
        return [n.text for n in self.workspace.notebook.for_stage(self.stages[kind])]

    def note_id(self, text: str) -> int:
        for stage_id in self.stages.values():
            for note in self.workspace.notebook.for_stage(stage_id):
                if note.text == text:
                    return note.id
        raise LookupError(text)


def demo_sessions(workspace: Workspace) -> list[Session]:
    """The demo triad's sessions (Ashvale's has notes), sharing one book and round trip."""
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    plan = workspace.planner.day_plan(day_id)
    book = RecordBook(workspace.db, workspace.clock)
    trip = RoundTrip(workspace.db, book, workspace.notebook, workspace.actions, workspace.exchanges)
    sessions = []
    for info in presenting_sessions(workspace.db, day_id):
        stages = {
            s.kind: s.id
            for s in plan.stages
            if s.session_id == info.session_id and s.kind in STAGE_HEADINGS
        }
        sessions.append(
            Session(
                workspace,
                book,
                trip,
                day_id,
                info.session_id,
                info.authority_id,
                info.authority_name,
                stages,
            )
        )
    return sessions


def build_session_note(session: Session, status: RecordStatus, version: int) -> bytes:
    ws = session.workspace
    doc = docx.Document()
    props = doc.core_properties
    props.identifier = session.key.identifier
    props.version = str(version)
    props.content_status = status.value
    state = session.book.status(session.key)
    if status is RecordStatus.AGREED:
        status_line = f"Status: agreed on {state.agreed_on}"
    else:
        doc.sections[0].header.paragraphs[0].text = f"DRAFT for amendment — version {version}"
        status_line = f"Status: draft for amendment, version {version}"
    doc.add_heading(f"Peer challenge session note: {session.authority}", level=1)
    doc.add_paragraph(status_line)
    # A line that changes on every export: a re-print must not count it as a change.
    doc.add_paragraph(f"Written {ws.clock.wall_now():%d %B %Y %H:%M:%S}")
    ids = count()
    for kind, heading in STAGE_HEADINGS.items():
        notes = ws.notebook.for_stage(session.stages[kind])
        if notes:
            doc.add_heading(heading, level=2)
        for note in notes:
            extra = note.tag.label.lower() if note.tag is NoteTag.BEST_PRACTICE else ""
            add_bullet(doc, note.text, f"note-{note.id}", next(ids), extra)
    actions = ws.actions.for_session(session.session_id)
    if actions:
        doc.add_heading(ACTIONS, level=2)
        for action in actions:
            add_bullet(doc, action.text, f"action-{action.id}", next(ids), action.owner)
    exchanges = ws.exchanges.for_session(session.session_id)
    if exchanges:
        doc.add_heading(EXCHANGES, level=2)
        for ex in exchanges:
            words = f"{ex.topic}: {ex.detail}" if ex.detail else ex.topic
            add_bullet(doc, words, f"exchange-{ex.id}", next(ids), ex.scope.value)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def add_bullet(doc: Document, text: str, name: str, mark_id: int, attribution: str = "") -> None:
    p = doc.add_paragraph(style="List Bullet")
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(mark_id))
    start.set(qn("w:name"), name)
    p._p.append(start)
    p.add_run(text)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(mark_id))
    p._p.append(end)
    if attribution:
        p.add_run(f" — {attribution}")


# what a director does in Word -------------------------------------------------------------


def paragraph(doc: Document, starting: str) -> Paragraph:
    found = [p for p in doc.paragraphs if p.text.startswith(starting)]
    assert len(found) == 1, f"{len(found)} paragraphs start with {starting!r}"
    return found[0]


def retype(doc: Document, starting: str, words: str) -> None:
    """Changes a bullet's words as Word does: the run changes, the bookmark stays."""
    paragraph(doc, starting).runs[0].text = words


def add_after(doc: Document, starting: str, words: str) -> None:
    """Presses Enter at the end of a bullet and types a new one (no bookmark)."""
    new = OxmlElement("w:p")
    paragraph(doc, starting)._p.addnext(new)
    p = Paragraph(new, doc._body)
    p.style = doc.styles["List Bullet"]
    p.add_run(words)


def delete(doc: Document, starting: str) -> None:
    p = paragraph(doc, starting)._p
    p.getparent().remove(p)


def save(doc: Document, path: Path) -> Path:
    doc.save(str(path))
    return path

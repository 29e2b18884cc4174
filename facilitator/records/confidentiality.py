"""The confidentiality check: a session note may hold only its own session's words.

Every text another session of the day stored is a possible leak; the check looks for any of
them in the text of the finished note as it is rendered (every part of the Word file, see
facilitator.word.rendered_text, or the page Qt prints), ignoring case and paragraph breaks,
and forgives the words a note may share with another session: its own, the day's names, the
bank's questions and the note's fixed wording.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import col, select

from facilitator.common.wording import one_line
from facilitator.planning.day_sessions import presenting_sessions
from facilitator.records.sources import RecordSources
from facilitator.storage.models import Action, AskedQuestion, Exchange, Note, Session
from facilitator.word.record_content import SessionNoteContent
from facilitator.word.session_note_words import FIXED_TEXTS, ConfidentialityError
from question_bank import Bank, for_cycle

FOREIGN_MIN_LENGTH = 12


def other_sessions_texts(
    workspace: RecordSources, session_id: int, own: Iterable[str] = ()
) -> dict[str, str]:
    """{text: authority} for what the day's other sessions stored (notes, the visitors' own
    questions, actions, asks and offers, invitation topics) that is long enough to be telling
    and is not also this session's own words. Text is in one_line form."""
    facts = workspace.session_facts.get(session_id)
    others = {
        s.session_id: s.authority_name
        for s in presenting_sessions(workspace.db, facts.day_id)
        if s.session_id != session_id
    }
    mine = {one_line(text) for text in own}
    found: dict[str, str] = {}
    for other, text in _session_texts(workspace, list(others)):
        line = one_line(text)
        if len(line) > FOREIGN_MIN_LENGTH and line not in mine:
            found.setdefault(line, others[other])
    return found


def session_texts(workspace: RecordSources, session_id: int) -> list[tuple[str, str]]:
    """(authority, text) for every text the day's other sessions stored, even words this
    session also holds: what the review asks about."""
    facts = workspace.session_facts.get(session_id)
    others = {
        s.session_id: s.authority_name
        for s in presenting_sessions(workspace.db, facts.day_id)
        if s.session_id != session_id
    }
    return [(others[other], text) for other, text in _session_texts(workspace, list(others))]


def _session_texts(workspace: RecordSources, session_ids: list[int]) -> list[tuple[int, str]]:
    """(session id, text) for every text the sessions stored: plain columns, no objects, as
    this runs on every export and a long day holds thousands of bullets."""
    rows: list[tuple[int, str]] = []
    with workspace.db.session_scope() as s:
        for session, text in s.exec(
            select(Note.session_id, Note.text).where(col(Note.session_id).in_(session_ids))
        ):
            rows.append((session or 0, text))
        for session, text in s.exec(
            select(Action.session_id, Action.text).where(col(Action.session_id).in_(session_ids))
        ):
            rows.append((session, text))
        for session, topic, detail in s.exec(
            select(Exchange.session_id, Exchange.topic, Exchange.detail).where(
                col(Exchange.session_id).in_(session_ids)
            )
        ):
            rows += [(session, topic), (session, detail)]
        for session, text in s.exec(
            select(AskedQuestion.session_id, AskedQuestion.text).where(
                col(AskedQuestion.session_id).in_(session_ids),
                col(AskedQuestion.question_id).is_(None),
            )
        ):
            rows.append((session, text))
        for session, text in s.exec(
            select(Session.id, Session.topical_topic).where(col(Session.id).in_(session_ids))
        ):
            rows.append((session or 0, text))
    return rows


def first_foreign(
    document_lines: Iterable[str], foreign: dict[str, str], allowed: Iterable[str] = ()
) -> tuple[str, str] | None:
    """The first (text, authority) of `foreign` found anywhere in the document's lines.

    The lines are read as one run of text, as a reader would: case and white space do not
    count, nor do the breaks between paragraphs, so a text split over two paragraphs or
    retyped in capitals is still found. A foreign text that is also part of an `allowed`
    text is no leak: the same words are this session's own, a name on the day's list, a bank
    question or the note's own wording.
    """
    text = folded(" ".join(document_lines))
    words = set(text.split())
    permitted: str | None = None
    for line, authority in foreign.items():
        wanted = folded(line)
        # A line inside the text has its inner words whole in the text: a quick first test.
        inner = wanted.split(" ")[1:-1]
        if all(word in words for word in inner) and wanted in text:
            if permitted is None:
                permitted = "\n".join(folded(other) for other in allowed)
            if wanted not in permitted:
                return line, authority
    return None


def folded(text: str) -> str:
    """Text as the check compares it: one line, white space single, case folded."""
    return one_line(text).casefold()


def public_texts(content: SessionNoteContent, bank: Bank) -> frozenset[str]:
    """What a session note may show besides the session's own rows: the day's facts and
    people, and the question bank's words."""
    day = content.day
    texts = {day.label, day.cycle_label, day.place, day.facilitator, content.lead_reviewer}
    texts |= set(day.authorities)
    for team in content.attendance:
        texts.add(team.authority)
        texts |= {person.name for person in team.people} | {p.role for p in team.people}
    for theme in bank.themes:
        texts.add(theme.title)
        for question in theme.questions:
            asked = for_cycle(question.text, day.cycle_name)
            texts |= {question.text, asked, *question.alternatives, *question.follow_ups}
    return frozenset(text for text in texts if text)


def check_only_this_session(
    workspace: RecordSources, content: SessionNoteContent, lines: Iterable[str]
) -> None:
    """Raises ConfidentialityError when the note's `lines`, its rendered text, hold any other
    session's words (of more than a few characters, in any case, across paragraph breaks)
    that are not also the note's own, a name or role on the day's list, the bank's words or
    the note's fixed wording."""
    foreign = other_sessions_texts(workspace, content.session_id, content.own_texts)
    allowed = content.own_texts | public_texts(content, workspace.bank.bank(include_hidden=True))
    found = first_foreign(lines, foreign, [*allowed, *FIXED_TEXTS])
    if found is not None:
        text, other = found
        raise ConfidentialityError(content.authority, other, text)

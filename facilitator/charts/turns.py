"""Turns: how many questions each visiting authority asked in a session, against an even share.

The counts are the ones the console's turn strip shows (Turns.current): questions marked as
asked from the bank or typed new, plus notes tagged as questions, a note citing a question
already marked for the same authority counted once. Using that one count keeps the chart and
the console from ever disagreeing.
"""

from __future__ import annotations

from typing import Protocol

from facilitator.charts.alt_text import count_of, number_text, possessive, session_presenter
from facilitator.charts.figures import TurnsChart
from facilitator.common.wording import join_names
from facilitator.live.turns import NoTurnsError, Turns
from facilitator.storage.database import Database


class TurnsSources(Protocol):
    """What the turns chart reads; any Workspace is one."""

    @property
    def db(self) -> Database: ...

    @property
    def turns(self) -> Turns: ...


def session_turns(workspace: TurnsSources, session_id: int) -> TurnsChart:
    """Questions asked by each visiting authority, in the session's turn order."""
    presenter = session_presenter(workspace.db, session_id).authority_name
    title = f"{possessive(presenter)} session: questions by visiting authority"
    try:
        view = workspace.turns.current(session_id)
    except NoTurnsError:
        # Nobody visits this session (every other authority shares its DCS): nothing to share.
        return TurnsChart(title, (), 0.0, "No visiting authority took turns in this session.")
    counts = tuple((name, view.questions_by_authority.get(a, 0)) for a, name in view.order)
    total = sum(n for _, n in counts)
    even_share = total / len(counts)
    return TurnsChart(title, counts, even_share, turns_alt_text(counts, even_share))


def turns_alt_text(counts: tuple[tuple[str, int], ...], even_share: float) -> str:
    """Every visiting authority's count against the even share, in turn order."""
    total = sum(n for _, n in counts)
    if not total:
        names = join_names([name for name, _ in counts])
        return f"No questions were asked: {names} asked none."
    sentences = [
        f"{count_of(total, 'question')} asked by {len(counts)} visiting "
        f"{'authority' if len(counts) == 1 else 'authorities'}: an even share is "
        f"{number_text(even_share)} each."
    ]
    parts = [f"{name} asked {n} ({_against(n, even_share)})" for name, n in counts]
    sentences.append("; ".join(parts) + ".")
    return " ".join(sentences)


def _against(count: int, even_share: float) -> str:
    """ "2 more than an even share", "1.5 fewer", "an even share"."""
    difference = count - even_share
    if round(difference, 1) == 0:
        return "an even share"
    amount = number_text(abs(difference))
    return f"{amount} {'more' if difference > 0 else 'fewer'} than an even share"

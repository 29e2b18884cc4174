"""Question coverage: which of the bank's themes a session explored, and across a day or a
cycle, which themes each presenting authority was questioned on.

A theme counts the questions marked as asked from it in the question log. The rows are the
bank's signature themes in the facilitator's order (those questioning draws on), every one of
them, so a theme never touched shows as a zero rather than going missing; a theme touched
from elsewhere in the bank, or since removed from it, follows at the end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from facilitator.capture.question_use import QuestionLog
from facilitator.charts.alt_text import count_of, cycle_days, possessive, session_presenter
from facilitator.charts.figures import CoverageChart, HeatMap, ThemeCount
from facilitator.common.wording import join_names, long_date
from facilitator.planning.planner import Planner
from facilitator.storage.database import Database
from question_bank import Bank, BankService


class CoverageSources(Protocol):
    """What the coverage charts read; any Workspace is one (named here to keep the import
    one-way: the workspace must stay free to offer charts)."""

    @property
    def db(self) -> Database: ...

    @property
    def planner(self) -> Planner: ...

    @property
    def bank(self) -> BankService: ...

    @property
    def questions(self) -> QuestionLog: ...


def session_coverage(workspace: CoverageSources, session_id: int) -> CoverageChart:
    """Questions asked per theme in one session, focus risks flagged."""
    bank = workspace.bank.bank(include_hidden=True)
    presenter = session_presenter(workspace.db, session_id).authority_name
    asked, titles = _asked_by_theme(workspace.questions, [session_id], bank)
    focus = {f.theme_id for f in workspace.questions.focus(session_id) if f.theme_id}
    themes = tuple(
        ThemeCount(theme_id, title, asked[theme_id], theme_id in focus)
        for theme_id, title in theme_rows(bank, set(asked) | focus, titles)
    )
    title = f"{possessive(presenter)} session"
    return CoverageChart(
        title=f"{title}: questions by theme",
        themes=themes,
        alt_text=coverage_alt_text(title, themes),
    )


def coverage_heatmap(
    workspace: CoverageSources, *, day_id: int | None = None, cycle_name: str | None = None
) -> HeatMap:
    """Theme by presenting authority over a day's sessions, or a cycle's: an authority that
    presents on several days of the cycle has its sessions summed in one column."""
    if (day_id is None) == (cycle_name is None):
        raise ValueError("Give either a day or a cycle for the heat map.")
    if day_id is not None:
        summary = workspace.planner.day_plan(day_id).summary
        where = f"{summary.kind.label} on {long_date(summary.date)}"
        day_ids = [day_id]
    else:
        assert cycle_name is not None
        where = cycle_name
        day_ids = [d.id for d in cycle_days(workspace.planner.list_days(), cycle_name)]
    sessions = [s for d in day_ids for s in workspace.planner.presenting_sessions(d)]
    bank = workspace.bank.bank(include_hidden=True)
    columns: dict[int, str] = {}  # authority id: name, in the order they first present
    by_authority: dict[int, Counter[str]] = {}
    titles: dict[str, str] = {}
    for session in sessions:
        columns.setdefault(session.authority_id, session.authority_name)
        asked, found = _asked_by_theme(workspace.questions, [session.session_id], bank)
        by_authority.setdefault(session.authority_id, Counter()).update(asked)
        titles.update(found)
    touched = {theme_id for asked in by_authority.values() for theme_id in asked}
    rows = theme_rows(bank, touched, titles)
    counts = tuple(
        tuple(by_authority.get(authority, Counter())[theme_id] for authority in columns)
        for theme_id, _ in rows
    )
    heat_map = HeatMap(
        title=f"{where}: questions by theme and authority",
        rows=tuple(title for _, title in rows),
        columns=tuple(columns.values()),
        counts=counts,
        alt_text="",
    )
    return replace(heat_map, alt_text=heatmap_alt_text(heat_map, where))


def theme_rows(bank: Bank, touched: Iterable[str], titles: dict[str, str]) -> list[tuple[str, str]]:
    """(theme id, title): the visible signature themes and any other touched, in bank order,
    then touched themes the bank no longer holds, by the title they were asked under."""
    touched = set(touched)
    rows = [
        (t.id, t.title)
        for t in bank.themes
        if (t.section == "signatures" and not t.hidden) or t.id in touched
    ]
    known = {t.id for t in bank.themes}
    rows += sorted(((i, titles.get(i, i)) for i in touched - known), key=lambda row: row[1])
    return rows


def _asked_by_theme(
    questions: QuestionLog, session_ids: Sequence[int], bank: Bank
) -> tuple[Counter[str], dict[str, str]]:
    """Questions asked per theme id, and the title each theme was asked under."""
    asked: Counter[str] = Counter()
    titles: dict[str, str] = {}
    for session_id in session_ids:
        for row in questions.asked(session_id):
            found = bank.find_question(row.question_id) if row.question_id else None
            theme_id = row.theme_id or (found.theme_id if found else None)
            if theme_id:  # a visitor's own question belongs to no theme
                asked[theme_id] += 1
                titles.setdefault(theme_id, row.theme_title or theme_id)
    return asked, titles


def coverage_alt_text(session: str, themes: Sequence[ThemeCount]) -> str:
    """The counts in words: each theme asked about, the most explored, the focus risks left
    unasked and the themes never touched."""
    total = sum(t.asked for t in themes)
    asked = [t for t in themes if t.asked]
    unasked_focus = [t.title for t in themes if t.focus and not t.asked]
    untouched = [t.title for t in themes if t.untouched]
    if not total:
        sentences = [f"No questions were asked in {session}."]
        if len(untouched) == len(themes):
            # Every theme untouched: listing the whole bank would say nothing more.
            return f"{sentences[0]} None of its {len(themes)} themes was touched."
    else:
        counted = ", ".join(
            f"{t.title} {t.asked}{' (a focus risk)' if t.focus else ''}"
            for t in sorted(asked, key=lambda t: -t.asked)
        )
        sentences = [
            f"{session}: {count_of(total, 'question')} asked, from {len(asked)} of "
            f"{len(themes)} themes: {counted}.",
            f"Explored most: {_most(asked)}.",
        ]
    if unasked_focus:
        sentences.append(f"Focus risks with no question asked: {join_names(unasked_focus)}.")
    if untouched:
        sentences.append(f"Not touched at all: {join_names(untouched)}.")
    return " ".join(sentences)


def heatmap_alt_text(heat_map: HeatMap, where: str) -> str:
    """Each authority's questions by theme, then the themes explored most and not at all."""
    total = sum(sum(row) for row in heat_map.counts)
    sentences = [
        f"Questions asked by theme and presenting authority, {where}: "
        f"{count_of(total, 'question')} in all."
    ]
    for column, authority in enumerate(heat_map.columns):
        by_theme = sorted(
            ((row[column], title) for title, row in _rows(heat_map)),
            key=lambda item: -item[0],
        )
        asked = [f"{title} {n}" for n, title in by_theme if n]
        count = count_of(sum(n for n, _ in by_theme), "question")
        sentences.append(f"{authority}: {count}" + (f" ({', '.join(asked)})." if asked else "."))
    theme_totals = [ThemeCount("", title, sum(row), False) for title, row in _rows(heat_map)]
    if total:
        sentences.append(f"Explored most: {_most([t for t in theme_totals if t.asked])}.")
    never = [t.title for t in theme_totals if not t.asked]
    if never:
        sentences.append(f"Not explored at all: {join_names(never)}.")
    return " ".join(sentences)


def _rows(heat_map: HeatMap) -> list[tuple[str, tuple[int, ...]]]:
    return list(zip(heat_map.rows, heat_map.counts, strict=True))


def _most(asked: Sequence[ThemeCount]) -> str:
    """ "Budget (3 questions)", or every theme tied at the top."""
    top = max(t.asked for t in asked)
    return f"{join_names([t.title for t in asked if t.asked == top])} ({count_of(top, 'question')})"

"""Everything a front end needs for one data file, built once and passed down."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from facilitator.amendments.round_trip import RoundTrip
from facilitator.capture.actions import Actions
from facilitator.capture.exchanges import Exchanges
from facilitator.capture.introductions import Introductions
from facilitator.capture.notes import Notebook
from facilitator.capture.outcome_route import OutcomeRoute
from facilitator.capture.plenary import Plenary
from facilitator.capture.question_use import QuestionLog
from facilitator.capture.session_facts import SessionFacts
from facilitator.common.clock import Clock, SystemClock
from facilitator.live.conductor import Conductor
from facilitator.live.disguised import SuggestionPatterns
from facilitator.live.turns import Turns
from facilitator.planning.planner import Planner
from facilitator.records.versions import RecordBook
from facilitator.storage.database import Database, open_database, open_memory_database
from question_bank import BankService, load_handbook


@dataclass
class Workspace:
    db: Database
    clock: Clock
    planner: Planner
    notebook: Notebook
    questions: QuestionLog
    bank: BankService
    exchanges: Exchanges
    actions: Actions
    introductions: Introductions
    plenary: Plenary
    session_facts: SessionFacts
    turns: Turns
    suggestion_patterns: SuggestionPatterns
    conductor: Conductor
    records: RecordBook
    round_trip: RoundTrip
    outcome_route: OutcomeRoute

    @classmethod
    def create(cls, db: Database, clock: Clock | None = None) -> Workspace:
        clock = clock or SystemClock()
        notebook = Notebook(db, clock)
        actions = Actions(db)
        exchanges = Exchanges(db)
        records = RecordBook(db, clock)
        facts = SessionFacts(db)
        questions = QuestionLog(db, clock)
        return cls(
            db=db,
            clock=clock,
            planner=Planner(db),
            notebook=notebook,
            questions=questions,
            bank=BankService(db.session_scope, load_handbook()),
            exchanges=exchanges,
            actions=actions,
            introductions=Introductions(db),
            plenary=Plenary(db),
            session_facts=facts,
            turns=Turns(db),
            suggestion_patterns=SuggestionPatterns(db),
            conductor=Conductor(db, clock),
            records=records,
            round_trip=RoundTrip(db, records, notebook, actions, exchanges),
            outcome_route=OutcomeRoute(notebook, actions, exchanges, facts, questions.focus_risks),
        )

    @classmethod
    def open(cls, path: Path, clock: Clock | None = None) -> Workspace:
        return cls.create(open_database(path), clock)

    @classmethod
    def in_memory(cls, clock: Clock | None = None) -> Workspace:
        return cls.create(open_memory_database(), clock)

    @property
    def data_path(self) -> Path | None:
        """The data file, or None for a workspace kept in memory (tests, the demo)."""
        return self.db.path

    def close(self) -> None:
        self.db.close()


def move_aside(path: Path, now: datetime | None = None) -> Path:
    """Renames an unusable data file (and its journal files) so a fresh one can start.

    The file is kept, never overwritten: someone may still be able to rescue it.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.unusable-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.unusable-{stamp}-{counter}")
    shutil.move(path, target)
    for suffix in ("-wal", "-shm"):
        journal = path.with_name(path.name + suffix)
        if journal.exists():
            shutil.move(journal, target.with_name(target.name + suffix))
    return target

"""Everything a front end needs for one data file, built once and passed down."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.capture.actions import Actions
from facilitator.capture.exchanges import Exchanges
from facilitator.capture.introductions import Introductions
from facilitator.capture.notes import Notebook
from facilitator.capture.outcome_route import OutcomeRoute
from facilitator.capture.plenary import Plenary
from facilitator.capture.question_use import QuestionLog
from facilitator.capture.session_facts import SessionFacts
from facilitator.common.clock import Clock, SystemClock
from facilitator.common.vocabulary import DayStatus
from facilitator.follow_up.service import FollowUps
from facilitator.live.conductor import Conductor
from facilitator.live.disguised import SuggestionPatterns
from facilitator.live.turns import Turns
from facilitator.planning.planner import Planner
from facilitator.pool.service import Pool
from facilitator.reviews.findings import ReviewFindings
from facilitator.reviews.service import Reviews
from facilitator.storage.backups import DAY_ENDED, DAY_STARTED, Backups
from facilitator.storage.database import Database, open_database, open_memory_database
from facilitator.storage.files import make_owner_only
from facilitator.storage.identity import SIDE_FILE_SUFFIXES
from facilitator.storage.location import DATA_FOLDER_NAME, DataLocation, generic_data_folder
from question_bank import BankService, load_handbook

if TYPE_CHECKING:
    from facilitator.amendments.round_trip import RoundTrip
    from facilitator.archive.snapshots import DaySnapshots
    from facilitator.records.versions import RecordBook


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
    outcome_route: OutcomeRoute
    pool: Pool
    reviews: Reviews
    follow_ups: FollowUps
    findings: ReviewFindings
    # None for a database kept in memory: there is no file to back up.
    backups: Backups | None = None
    # On a shared database: each day's archive at its start and end, kept on this computer.
    snapshots: DaySnapshots | None = None

    @classmethod
    def create(cls, db: Database, clock: Clock | None = None) -> Workspace:
        clock = clock or SystemClock()
        notebook = Notebook(db, clock)
        actions = Actions(db)
        exchanges = Exchanges(db)
        facts = SessionFacts(db)
        planner = Planner(db)
        questions = QuestionLog(db, clock)
        pool = Pool(db)
        workspace = cls(
            db=db,
            clock=clock,
            planner=planner,
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
            outcome_route=OutcomeRoute(notebook, actions, exchanges, facts, questions.focus_risks),
            pool=pool,
            reviews=Reviews(db, pool),
            follow_ups=FollowUps(db, clock, actions_changed=actions.changed),
            findings=ReviewFindings(db),
        )
        workspace.follow_ups.read_records_from(workspace)  # topical invitations: the cycle report's
        if db.path is not None and not db.read_only:
            backups = workspace.backups = Backups(db, db.path.parent / "backups", clock)
            reread = _on_start_and_end(workspace, lambda reason, _day: backups.take(reason))
            backups.restored.connect(reread)  # after a restore the days may stand anywhere
        elif db.server is not None:
            from facilitator.archive.snapshots import DaySnapshots, snapshot_folder

            folder = snapshot_folder(generic_data_folder() / DATA_FOLDER_NAME, db.server.url)
            snapshots = workspace.snapshots = DaySnapshots(db, folder, clock)
            _on_start_and_end(workspace, lambda reason, day_id: snapshots.take(day_id, reason))
        return workspace

    @classmethod
    def open(
        cls, path: DataLocation, clock: Clock | None = None, *, read_only: bool = False
    ) -> Workspace:
        return cls.create(open_database(path, read_only=read_only), clock)

    @classmethod
    def in_memory(cls, clock: Clock | None = None) -> Workspace:
        return cls.create(open_memory_database(), clock)

    # The records and the amendments load their code (Word's among it) when first used, not
    # with the home window: one instance each, as everything listening must hear the same.
    @cached_property
    def records(self) -> RecordBook:
        from facilitator.records.versions import RecordBook

        return RecordBook(self.db, self.clock)

    @cached_property
    def round_trip(self) -> RoundTrip:
        from facilitator.amendments.round_trip import RoundTrip

        return RoundTrip(
            self.db,
            self.records,
            self.notebook,
            self.actions,
            self.exchanges,
            self.planner,
            self.session_facts,
        )

    @property
    def data_path(self) -> Path | None:
        """The data file, or None for a workspace kept in memory (tests, the demo)."""
        return self.db.path

    def close(self) -> None:
        self.db.close()


def _on_start_and_end(
    workspace: Workspace, take: Callable[[str, int], object]
) -> Callable[..., None]:
    """Calls `take(reason, day_id)` whenever a day starts or ends, whichever window or
    command did it; returns what reads the days' statuses again (after a restore)."""
    planner, conductor = workspace.planner, workspace.conductor
    # The conductor says only which day changed, so the hook remembers each day's status to
    # see which way it moved. A day created after this is new, hence planned.
    seen: dict[int, DayStatus] = {}

    def read_statuses(*_: object) -> None:
        seen.clear()
        seen.update({d.id: d.status for d in planner.list_days()})

    def changed(day_id: int) -> None:
        before = seen.get(day_id, DayStatus.PLANNED)
        after = conductor.state(day_id).status
        seen[day_id] = after
        if before is DayStatus.PLANNED and after is DayStatus.RUNNING:
            reason = DAY_STARTED
        elif before is not DayStatus.FINISHED and after is DayStatus.FINISHED:
            reason = DAY_ENDED
        else:
            return
        try:
            take(reason, day_id)
        except Exception:
            # A failed backup must not undo or block the step just taken; it is logged.
            logging.getLogger(__name__).exception("The %s backup failed", reason)

    read_statuses()
    conductor.changed.connect(changed)
    return read_statuses


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
    make_owner_only(target)  # children's-services notes, even in a file nobody can open
    for suffix in SIDE_FILE_SUFFIXES:
        journal = path.with_name(path.name + suffix)
        if journal.exists():
            moved = target.with_name(target.name + suffix)
            shutil.move(journal, moved)
            make_owner_only(moved)
    return target

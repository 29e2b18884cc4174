"""The services a record is gathered and exported from, as the workspace offers them.

A Protocol, not the Workspace itself: the workspace owns this package's RecordBook, so naming
it here would make the records and the workspace import each other. Any Workspace is one.
"""

from __future__ import annotations

from typing import Protocol

from facilitator.capture.actions import Actions
from facilitator.capture.exchanges import Exchanges
from facilitator.capture.introductions import Introductions
from facilitator.capture.plenary import Plenary
from facilitator.capture.question_use import QuestionLog
from facilitator.capture.session_facts import SessionFacts
from facilitator.common.clock import Clock
from facilitator.live.conductor import Conductor
from facilitator.planning.planner import Planner
from facilitator.records.versions import RecordBook
from facilitator.storage.database import Database
from question_bank import BankService


class RecordSources(Protocol):
    @property
    def db(self) -> Database: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def planner(self) -> Planner: ...

    @property
    def bank(self) -> BankService: ...

    @property
    def questions(self) -> QuestionLog: ...

    @property
    def actions(self) -> Actions: ...

    @property
    def exchanges(self) -> Exchanges: ...

    @property
    def introductions(self) -> Introductions: ...

    @property
    def plenary(self) -> Plenary: ...

    @property
    def session_facts(self) -> SessionFacts: ...

    @property
    def conductor(self) -> Conductor: ...

    @property
    def records(self) -> RecordBook: ...

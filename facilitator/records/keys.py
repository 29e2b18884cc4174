"""Which record a document is: its kind and ids, and the identifier written into the file."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from facilitator.common.wording import short_date
from facilitator.storage.record_tables import RecordKind

PREFIX = "balcony"


@dataclass(frozen=True)
class RecordKey:
    """Which document: a kind and the ids (or cycle name) that name it."""

    kind: RecordKind
    day_id: int | None = None
    session_id: int | None = None
    authority_id: int | None = None
    cycle_name: str = ""
    review_id: int | None = None

    def __post_init__(self) -> None:
        wanted = {
            RecordKind.SESSION_NOTE: (self.day_id, self.session_id, self.authority_id),
            RecordKind.DAY_SUMMARY: (self.day_id,),
            RecordKind.CYCLE_REPORT: (self.cycle_name or None,),
            RecordKind.REVIEW_REPORT: (self.review_id,),
            RecordKind.FORWARD_PLAN: (self.cycle_name or None,),
        }[RecordKind(self.kind)]
        if any(part is None for part in wanted):
            raise ValueError(f"a {RecordKind(self.kind).label} key lacks its ids: {self!r}")

    @classmethod
    def session_note(cls, day_id: int, session_id: int, authority_id: int) -> RecordKey:
        return cls(RecordKind.SESSION_NOTE, day_id, session_id, authority_id)

    @classmethod
    def day_summary(cls, day_id: int) -> RecordKey:
        return cls(RecordKind.DAY_SUMMARY, day_id)

    @classmethod
    def cycle_report(cls, cycle_name: str) -> RecordKey:
        return cls(RecordKind.CYCLE_REPORT, cycle_name=cycle_name)

    @classmethod
    def review_report(cls, review_id: int) -> RecordKey:
        return cls(RecordKind.REVIEW_REPORT, review_id=review_id)

    @classmethod
    def forward_plan(cls, cycle_name: str) -> RecordKey:
        return cls(RecordKind.FORWARD_PLAN, cycle_name=cycle_name)

    @property
    def identifier(self) -> str:
        """What the document carries as core_properties.identifier."""
        if self.kind is RecordKind.SESSION_NOTE:
            ids = f"{self.day_id}:{self.session_id}:{self.authority_id}"
        elif self.kind is RecordKind.DAY_SUMMARY:
            ids = f"{self.day_id}"
        elif self.kind is RecordKind.REVIEW_REPORT:
            ids = f"{self.review_id}"
        else:
            ids = self.cycle_name
        return f"{PREFIX}:{self.kind.value}:{ids}"

    @classmethod
    def from_identifier(cls, identifier: str) -> RecordKey:
        """Reads an identifier back; ValueError if it is not one of ours."""
        prefix, _, rest = identifier.strip().partition(":")
        kind_text, _, ids = rest.partition(":")
        if prefix != PREFIX or kind_text not in {k.value for k in RecordKind} or not ids:
            raise ValueError(f"not a Balcony record identifier: {identifier!r}")
        kind = RecordKind(kind_text)
        if kind in (RecordKind.CYCLE_REPORT, RecordKind.FORWARD_PLAN):
            return cls(kind, cycle_name=ids)
        parts = ids.split(":")
        if not all(part.isdigit() for part in parts):
            raise ValueError(f"not a Balcony record identifier: {identifier!r}")
        numbers = [int(part) for part in parts]
        if kind is RecordKind.SESSION_NOTE and len(numbers) == 3:
            return cls.session_note(*numbers)
        if kind is RecordKind.DAY_SUMMARY and len(numbers) == 1:
            return cls.day_summary(numbers[0])
        if kind is RecordKind.REVIEW_REPORT and len(numbers) == 1:
            return cls.review_report(numbers[0])
        raise ValueError(f"not a Balcony record identifier: {identifier!r}")


def long_date(day: dt.date | None) -> str:
    """ "3 February 2027", as the record's messages name a date; it may be unrecorded."""
    if day is None:
        return "an unrecorded date"
    return short_date(day)

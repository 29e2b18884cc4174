"""What the follow-up service's methods share: reading views, the due list, and the checks on
what is typed (a date before the day it comes from, a follow-up tracked twice, a name too long).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import ColumnElement
from sqlmodel import Session as DbSession
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from facilitator.common.clean_text import NAME_LIMIT, TextFieldError, field_text
from facilitator.common.wording import short_date
from facilitator.follow_up.origins import view_of
from facilitator.follow_up.views import DueItem, FollowUpInputError, FollowUpView
from facilitator.storage.models import FollowUp


def saved(s: DbSession, row: FollowUp) -> FollowUpView:
    s.add(row)
    s.flush()
    return view_of(s, row)


def views(s: DbSession, query: SelectOfScalar[FollowUp]) -> tuple[FollowUpView, ...]:
    return tuple(view_of(s, row) for row in s.exec(query.order_by(col(FollowUp.id))))


def by_date(views: Iterable[FollowUpView]) -> tuple[FollowUpView, ...]:
    return tuple(sorted(views, key=lambda v: (v.due_on is None, v.due_on or dt.date.min, v.id)))


def tracked_once(s: DbSession, what: str, *where: ColumnElement[bool] | bool) -> None:
    """FollowUpInputError when a follow-up matching `where` is stored already."""
    known = s.exec(select(FollowUp).where(*where)).first()
    if known is not None:
        raise FollowUpInputError(
            f"{what} is tracked already (follow-up {known.id}): change its due date or "
            "status there instead."
        )


def not_before(due_on: dt.date, start: dt.date, where: str) -> None:
    if due_on < start:
        raise FollowUpInputError(
            f"The due date, {short_date(due_on)}, is before {where} it comes from "
            f"({short_date(start)}): give a date on or after it."
        )


def one_line(text: str, field: str, limit: int = NAME_LIMIT, *, required: bool = False) -> str:
    try:
        return field_text(text, field, limit, required=required)
    except TextFieldError as exc:
        raise FollowUpInputError(str(exc)) from exc


def due_items(
    open_ones: Iterable[FollowUpView], today: dt.date, within_days: int
) -> tuple[DueItem, ...]:
    """Those overdue or due by `today` + `within_days` (a window's opening day counts), by due
    date: overdue ones come first, as theirs are the earliest."""
    horizon = today + dt.timedelta(days=within_days)
    items = [
        DueItem(view, today)
        for view in open_ones
        if view.due_on is not None and (view.due_from or view.due_on) <= horizon
    ]
    return tuple(sorted(items, key=lambda i: (i.follow_up.due_on, i.follow_up.id)))

"""A peer challenger as the expression-of-interest form has them, checked and tidied.

The form's ticked boxes are StrEnums in the form's order; `ChallengerDetails` is what a
person's entry says, `ChallengerView` that entry as stored (with its id), and `ServiceView`
one review they served on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from facilitator.common.clean_text import NAME_LIMIT, TITLE_LIMIT, TextFieldError, field_text

# Free text from the form's office-use and availability boxes: a few sentences at most.
NOTE_LIMIT = 1000
SEPARATOR = ";"


class Expertise(StrEnum):
    """The areas the form asks applicants to tick where they offer specialist expertise."""

    SCHOOLS = "Schools"
    FAMILY_SUPPORT = "Family Support"
    PARTICIPATION = "Participation"
    SAFEGUARDING = "Safeguarding"
    COMMISSIONING = "Commissioning"
    PARTNERSHIPS = "Partnerships"
    EARLY_YEARS = "Early years"
    PERFORMANCE_MANAGEMENT = "Performance management"
    WORKFORCE_DEVELOPMENT = "Workforce development"
    YOUTH = "Youth"
    DATA = "Data"
    OTHER = "Other"


class Role(StrEnum):
    """What an applicant applies to be, and what their DCS approves them to be."""

    PCR_TEAM_MEMBER = "PCR team member"
    SAV_LEAD_AD = "SAV lead AD"
    SAV_TEAM_MEMBER = "SAV team member"
    DATA_SPECIALIST = "Data specialist"


E = TypeVar("E", Expertise, Role)


class PoolInputError(ValueError):
    """An entry that cannot be saved as given; the message names the field and the fix.
    `field` is the name of the ChallengerDetails field at fault, when there is one."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class ChallengerDetails:
    """Everything the pool holds about one person, apart from their service history."""

    name: str
    authority: str
    position: str = ""
    email: str = ""
    telephone: str = ""
    expertise: tuple[Expertise, ...] = ()
    other_expertise: str = ""  # what "Other (please specify)" says
    roles_applied: tuple[Role, ...] = ()
    roles_approved: tuple[Role, ...] = ()
    sponsor_dcs: str = ""
    approved_on: dt.date | None = None
    training: str = ""  # the training attended, in the office's words
    trained_on: dt.date | None = None
    availability: str = ""

    @property
    def key(self) -> tuple[str, str]:
        """Who this is: the same name in the same authority is the same person."""
        return self.name.casefold(), self.authority.casefold()


@dataclass(frozen=True)
class ChallengerView:
    id: int
    details: ChallengerDetails

    @property
    def name(self) -> str:
        return self.details.name

    @property
    def authority(self) -> str:
        return self.details.authority


@dataclass(frozen=True)
class ServiceView:
    """A review someone served on (a label and a date; reviews proper come later)."""

    id: int
    person_id: int
    review: str
    served_on: dt.date


def in_form_order(items: Iterable[E], kind: type[E]) -> tuple[E, ...]:
    """The items once each, in the order the form lists them."""
    chosen = set(items)
    return tuple(item for item in kind if item in chosen)


def joined(items: Iterable[StrEnum]) -> str:
    return SEPARATOR.join(item.value for item in items)


def split(text: str, kind: type[E]) -> tuple[E, ...]:
    """Stored words back into the enum (the words are only ever written by `joined`)."""
    return in_form_order((kind(part) for part in text.split(SEPARATOR) if part), kind)


def checked(details: ChallengerDetails) -> ChallengerDetails:
    """The entry with its text tidied, or PoolInputError saying what to change."""

    def text(field: str, label: str, limit: int, *, required: bool = False) -> str:
        try:
            if field == "email":
                return _email(details.email)
            return field_text(getattr(details, field), label, limit, required=required)
        except TextFieldError as exc:
            raise PoolInputError(str(exc), field) from exc

    cleaned = ChallengerDetails(
        name=text("name", "The name", NAME_LIMIT, required=True),
        authority=text("authority", "The local authority", NAME_LIMIT, required=True),
        position=text("position", "The current position", TITLE_LIMIT),
        email=text("email", "The email address", NAME_LIMIT),
        telephone=text("telephone", "The telephone number", NAME_LIMIT),
        expertise=in_form_order(details.expertise, Expertise),
        other_expertise=text("other_expertise", "The other expertise", NAME_LIMIT),
        roles_applied=in_form_order(details.roles_applied, Role),
        roles_approved=in_form_order(details.roles_approved, Role),
        sponsor_dcs=text("sponsor_dcs", "The sponsor DCS", NAME_LIMIT),
        approved_on=details.approved_on,
        training=text("training", "The training attended", NOTE_LIMIT),
        trained_on=details.trained_on,
        availability=text("availability", "The availability", NOTE_LIMIT),
    )
    if not_applied := unapplied_roles(cleaned):
        raise PoolInputError(not_applied, "roles_approved")
    return cleaned


def unapplied_roles(details: ChallengerDetails) -> str | None:
    """Why the approved roles cannot stand, or None: a DCS approves only what was applied for."""
    extra = [role.value for role in details.roles_approved if role not in details.roles_applied]
    if not extra:
        return None
    roles = " and ".join(extra)
    return (
        f"{roles} {'is' if len(extra) == 1 else 'are'} approved but not applied for: "
        "add it to the roles applied for, or take it out of the roles approved."
    )


def _email(text: str) -> str:
    email = field_text(text, "The email address", NAME_LIMIT)
    local, at, domain = email.partition("@")
    if email and (" " in email or not (local and at and domain) or "@" in domain):
        raise TextFieldError(
            f"“{email}” is not an email address: it needs one @, as in name@council.gov.uk."
        )
    return email

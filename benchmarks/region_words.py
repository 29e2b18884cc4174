"""The invented region's names and words (benchmarks/region.py): twelve authorities, their
people changing slowly from year to year, venues, and the bullets typed in each kind of
stage. Every name is invented: no real council or person."""

from __future__ import annotations

import random

from facilitator.common.vocabulary import NoteTag, StageKind
from facilitator.planning.planner import AuthorityEntry, TeamMember

AUTHORITIES = (
    ("Ashvale", "AV"),
    ("Brackenmoor", "BM"),
    ("Corriford", "CF"),
    ("Dunmere", "DM"),
    ("Eastwold", "EW"),
    ("Fellbridge", "FB"),
    ("Greyhaven", "GH"),
    ("Hollinsby", "HB"),
    ("Isbourne", "IB"),
    ("Kestlemoor", "KM"),
    ("Lowther Vale", "LV"),
    ("Marlcombe", "MC"),
)
FIRST_NAMES = [
    "Priya",
    "Tom",
    "Grace",
    "Marcus",
    "Aisha",
    "Rhys",
    "Hannah",
    "Callum",
    "Jo",
    "Sam",
    "Imani",
    "Declan",
    "Fern",
    "Owain",
    "Leona",
    "Bilal",
    "Tamsin",
    "Kofi",
    "Maren",
    "Ewan",
    "Rosa",
    "Nadia",
    "Idris",
    "Cerys",
    "Jonah",
    "Ffion",
    "Ravi",
    "Saoirse",
    "Dev",
    "Lottie",
]
SURNAMES = [
    "Ellwood",
    "Hallworth",
    "Adeyemi-Lowe",
    "Thorne",
    "Karim",
    "Penhale",
    "Oduya",
    "Brierley",
    "Whitlock",
    "Okafor",
    "Marrable",
    "Quenby",
    "Tresize",
    "Ashdown",
    "Pellow",
    "Varley",
    "Stannard",
    "Colquhoun",
    "Fenwick",
    "Harrop",
    "Ludgate",
    "Merriot",
    "Nakamura-Reeve",
    "Ormerod",
    "Pashley",
    "Raddle",
    "Sewell",
    "Tallentire",
    "Upfold",
    "Wyndham",
]
ROLES = (
    "Assistant Director, Children’s Social Care",
    "Assistant Director, Education and SEND",
    "Assistant Director, Early Help",
    "Head of Quality Assurance",
    "Principal Social Worker",
    "Head of Performance and Insight",
    "Head of Service, Children in Care",
    "Head of Safeguarding",
)
VENUES = (
    "Riverside Conference Centre, Room 2",
    "County Hall, Committee Room 4",
    "The Old Library, Fellbridge",
    "Civic Centre, Greyhaven",
)
FACILITATORS = ("Sam Okafor", "Leona Fenwick", "Owain Stannard")

# Bullet wording: a subject, what was said of it and a detail, joined; enough variety that
# the words, the checks for repeats and the search behave as on real notes.
SUBJECTS = (
    "The front door",
    "Placement sufficiency",
    "Recruitment of social workers",
    "The corporate parenting board",
    "Care leavers’ accommodation",
    "Early help take-up",
    "The multi-agency safeguarding hub",
    "Quality assurance of casework",
    "Agency staffing",
    "Voice of the child",
    "SEND assessments within 20 weeks",
    "Permanence planning",
    "Exploitation and missing episodes",
    "Fostering recruitment",
    "Supervision of newly qualified workers",
    "Partnership with health",
    "Performance data for the lead member",
    "Audit findings",
)
SAID = (
    "has improved since the last inspection",
    "is under pressure from rising demand",
    "depends on two interim managers",
    "was redesigned in the spring",
    "is not yet tested with partners",
    "shows a gap between policy and practice",
    "is well understood by front-line staff",
    "has a clear plan but slow delivery",
    "is where the budget overspend sits",
    "was praised by the young people’s panel",
    "relies on goodwill more than on systems",
    "has data that tells a mixed story",
)
DETAILS = (
    "caseloads average 22 against a target of 18",
    "three of five audits were rated good",
    "the board meets quarterly with good attendance",
    "turnover fell from 24% to 16% in a year",
    "the overspend is forecast at £3.2m",
    "re-referrals are at 21%, above statistical neighbours",
    "a new practice model launches in September",
    "the lead member asks for the figures every month",
    "the partnership has agreed shared priorities",
    "waiting lists have halved since January",
    "two residential homes opened this year",
    "health colleagues attend every strategy meeting",
    "",
    "",
)
# The share of a day's bullets typed in each kind of stage, and their usual tags.
STAGE_SHARE: dict[StageKind, float] = {
    StageKind.INTRODUCTIONS: 0.02,
    StageKind.PRESENTATION: 0.16,
    StageKind.QUESTIONING: 0.36,
    StageKind.AFFIRMATION: 0.10,
    StageKind.INSIGHTS: 0.11,
    StageKind.REACTION: 0.09,
    StageKind.REFLECTION: 0.12,
    StageKind.PLENARY: 0.04,
}


class People:
    """Each authority's DCS and team, changing slowly from year to year."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()
        self.dcs = {name: self._new_name() for name, _ in AUTHORITIES}
        self.team = {
            name: [TeamMember(self._new_name(), role) for role in rng.sample(ROLES, 4)]
            for name, _ in AUTHORITIES
        }

    def _new_name(self) -> str:
        while True:
            name = f"{self._rng.choice(FIRST_NAMES)} {self._rng.choice(SURNAMES)}"
            if name not in self._used:
                self._used.add(name)
                return name

    def new_year(self) -> None:
        """About one DCS in four changes a year, and one team member in each authority."""
        for name, _ in AUTHORITIES:
            if self._rng.random() < 0.25:
                self.dcs[name] = self._new_name()
            team = self.team[name]
            gone = self._rng.randrange(len(team))
            team[gone] = TeamMember(self._new_name(), team[gone].role)

    def entry(self, name: str, short: str) -> AuthorityEntry:
        team = self.team[name]
        return AuthorityEntry(name, short, self.dcs[name], tuple(self._rng.sample(team, 2)))


def bullet(rng: random.Random, used: set[str]) -> str:
    """A bullet not yet typed on the day: a session note refuses another session's words."""
    while True:
        detail = rng.choice(DETAILS)
        text = f"{rng.choice(SUBJECTS)} {rng.choice(SAID)}"
        text = f"{text}: {detail}." if detail else f"{text}."
        if text not in used:
            used.add(text)
            return text


def tag_for(rng: random.Random, kind: StageKind) -> NoteTag:
    roll = rng.random()
    if kind is StageKind.PRESENTATION:
        return NoteTag.RISK if roll < 0.2 else NoteTag.NOTE
    if kind is StageKind.QUESTIONING:
        return NoteTag.QUESTION if roll < 0.45 else NoteTag.NOTE
    if kind is StageKind.AFFIRMATION:
        return NoteTag.STRENGTH
    if kind is StageKind.INSIGHTS:
        return (
            NoteTag.BEST_PRACTICE
            if roll < 0.15
            else NoteTag.SYSTEMIC_ISSUE
            if roll < 0.25
            else NoteTag.INSIGHT
        )
    if kind is StageKind.REFLECTION:
        return (
            NoteTag.ACTION
            if roll < 0.35
            else NoteTag.ASK
            if roll < 0.5
            else NoteTag.OFFER
            if roll < 0.62
            else NoteTag.NOTE
        )
    return NoteTag.NOTE

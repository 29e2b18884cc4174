"""A region's list of local authorities: every one takes part in each cycle.

Balcony ships the South East's 19 (the handbook's regional peer challenge). Another region's
list is a text file given with --region FILE: one authority a line, `#` for comments, and an
optional `region: NAME` line. See docs/schedule-import.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from facilitator.common.clean_text import NAME_LIMIT, TextFieldError, field_text
from question_bank.decoding import UndecodableError, decode_text
from question_bank.reading import FileRefusedError, read_limited

DEFAULT_REGION_FILE = "south-east.txt"
MAX_REGION_BYTES = 100_000
MAX_AUTHORITIES = 200  # England has about 150 children's services authorities
REGION_LINE = re.compile(r"^region\s*:\s*(.*)$", re.IGNORECASE)


class RegionFileError(ValueError):
    """A region file that cannot be used, with the reason as a sentence."""


@dataclass(frozen=True)
class Region:
    name: str
    authorities: tuple[str, ...]

    def lists(self, authority: str) -> bool:
        return authority_key(authority) in {authority_key(a) for a in self.authorities}


def authority_key(name: str) -> str:
    """ "Brighton & Hove" and "brighton and  hove" are one authority."""
    return " ".join(re.findall(r"[a-z0-9]+", name.casefold().replace("&", " and ")))


def parse_region(text: str, default_name: str) -> Region:
    name = default_name
    authorities: list[str] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if match := REGION_LINE.match(line):
            name = match.group(1).strip() or name
            continue
        try:
            authority = field_text(line, f"Line {number}", NAME_LIMIT)
        except TextFieldError as exc:
            raise RegionFileError(str(exc)) from exc
        if authority_key(authority) not in seen:
            seen.add(authority_key(authority))
            authorities.append(authority)
    if not authorities:
        raise RegionFileError("The region file lists no authorities: write one name a line.")
    if len(authorities) > MAX_AUTHORITIES:
        raise RegionFileError(
            f"The region file lists {len(authorities):,} authorities; a region has at most "
            f"{MAX_AUTHORITIES}."
        )
    return Region(name, tuple(authorities))


def default_region() -> Region:
    """The South East's 19 authorities, as shipped."""
    text = resources.files(__package__).joinpath(DEFAULT_REGION_FILE).read_text("utf-8")
    return parse_region(text, "South East")


def read_region(path: Path | str) -> Region:
    """The region a file lists; RegionFileError saying what is wrong with it."""
    path = Path(path)
    try:
        text = decode_text(read_limited(path, MAX_REGION_BYTES, "region list"))
    except FileRefusedError as exc:
        raise RegionFileError(str(exc)) from exc
    except UndecodableError as exc:
        raise RegionFileError(
            f"{path.name} is not saved as UTF-8 text (byte 0x{exc.byte:02X} on line "
            f"{exc.line}): save it as UTF-8 and try again."
        ) from exc
    except OSError as exc:
        raise RegionFileError(f"{path.name} cannot be read ({exc.strerror}).") from exc
    return parse_region(text, path.stem.replace("-", " ").replace("_", " "))

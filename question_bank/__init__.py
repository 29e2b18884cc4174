"""The question bank: the handbook's questions, the facilitator's own, search and sharing.

The lowest layer of Balcony: it imports no Qt and nothing from `facilitator` or `ui`, and is
handed its database sessions by the caller.
"""

from question_bank.csv_import import parse_csv
from question_bank.errors import BankFormatError
from question_bank.highlight import Span
from question_bank.imports import (
    Choice,
    Conflict,
    ImportPlan,
    ImportResult,
    StaleImportError,
)
from question_bank.loader import load_handbook, parse_bank, read_bank_file
from question_bank.model import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SECTIONS,
    SUPPORTED_VERSIONS,
    UNCHANGED,
    Bank,
    Origin,
    Question,
    Scale,
    Section,
    Theme,
    Unchanged,
)
from question_bank.search import BankIndex, SearchHit, SearchIndex
from question_bank.server_search import SearchEngine, ServerSearchIndex, make_search_index
from question_bank.store import BankService, SessionFactory, UnknownItemError
from question_bank.text import CYCLE_YEARS, for_cycle
from question_bank.writer import dump_bank

__all__ = [
    "CYCLE_YEARS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "SECTIONS",
    "SUPPORTED_VERSIONS",
    "UNCHANGED",
    "Bank",
    "BankFormatError",
    "BankIndex",
    "BankService",
    "Choice",
    "Conflict",
    "ImportPlan",
    "ImportResult",
    "Origin",
    "Question",
    "Scale",
    "SearchEngine",
    "SearchHit",
    "SearchIndex",
    "Section",
    "ServerSearchIndex",
    "SessionFactory",
    "Span",
    "StaleImportError",
    "Theme",
    "Unchanged",
    "UnknownItemError",
    "dump_bank",
    "for_cycle",
    "load_handbook",
    "make_search_index",
    "parse_bank",
    "parse_csv",
    "read_bank_file",
]

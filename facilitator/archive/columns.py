"""A stored value as archive text and back, by its column's type in the metadata.

Dates, times and datetimes are ISO text (datetimes with their UTC offset), bytes are base64,
an enum is its member's name (as SQLAlchemy stores it); numbers, booleans and text are JSON's
own. Reading checks each value strictly: a wrong type is refused, never guessed.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    Integer,
    LargeBinary,
    String,
    Time,
)
from sqlalchemy.types import TypeDecorator, TypeEngine


class ValueProblemError(ValueError):
    """A value that does not fit its column; the message says what was found."""


_MISSING = object()


def _base(column: Column[Any]) -> TypeEngine[Any]:
    kind: TypeEngine[Any] = column.type
    while isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    return kind


def value_kind(column: Column[Any]) -> str:
    """ "enum", "bool", "int", "float", "date", "time", "datetime", "bytes" or "text"."""
    kind = _base(column)
    # Enum before String: an Enum is a kind of String.
    for sa_type, name in (
        (Enum, "enum"),
        (Boolean, "bool"),
        (Integer, "int"),
        (Float, "float"),
        (DateTime, "datetime"),
        (Date, "date"),
        (Time, "time"),
        (LargeBinary, "bytes"),
        (String, "text"),
    ):
        if isinstance(kind, sa_type):
            return name
    raise TypeError(f"column {column.table.name}.{column.name} has a type archives cannot hold")


def to_text(column: Column[Any], value: Any) -> Any:
    """The JSON value an archive holds for `value`."""
    if value is None:
        return None
    kind = value_kind(column)
    if kind == "enum":
        return value.name if isinstance(value, enum.Enum) else str(value)
    if kind in ("date", "time", "datetime"):
        return value.isoformat()
    if kind == "bytes":
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def from_text(column: Column[Any], value: Any) -> Any:
    """The stored value for an archive's JSON `value`; ValueProblemError if it does not fit."""
    if value is None:
        if not column.nullable:
            raise ValueProblemError("is empty, but must have a value")
        return None
    kind = value_kind(column)
    reader = _READERS[kind]
    try:
        return reader(column, value)
    except (ValueError, TypeError, KeyError, binascii.Error) as exc:
        raise ValueProblemError(f"holds {_shown(value)}, not {_WANTED[kind]}") from exc


def _enum(column: Column[Any], value: Any) -> Any:
    kind = _base(column)
    assert isinstance(kind, Enum)
    if not isinstance(value, str) or value not in kind.enums:
        raise ValueError(value)
    if kind.enum_class is not None:
        return kind.enum_class[value]
    return value


def _bool(_: Column[Any], value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _int(_: Column[Any], value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(value)
    return value


def _float(_: Column[Any], value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(value)
    return float(value)


def _text(_: Column[Any], value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _date(_: Column[Any], value: Any) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise TypeError(value)
    return dt.date.fromisoformat(value)


def _time(_: Column[Any], value: Any) -> dt.time:
    if not isinstance(value, str):
        raise TypeError(value)
    return dt.time.fromisoformat(value)


def _datetime(_: Column[Any], value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise TypeError(value)
    moment = dt.datetime.fromisoformat(value)
    if moment.utcoffset() is None:
        raise ValueError(value)
    return moment


def _bytes(_: Column[Any], value: Any) -> bytes:
    if not isinstance(value, str):
        raise TypeError(value)
    return base64.b64decode(value.encode("ascii"), validate=True)


_READERS = {
    "enum": _enum,
    "bool": _bool,
    "int": _int,
    "float": _float,
    "text": _text,
    "date": _date,
    "time": _time,
    "datetime": _datetime,
    "bytes": _bytes,
}
_WANTED = {
    "enum": "one of its column's choices",
    "bool": "true or false",
    "int": "a whole number",
    "float": "a number",
    "text": "text",
    "date": "a date (YYYY-MM-DD)",
    "time": "a time of day (HH:MM)",
    "datetime": "a date and time with its offset from UTC",
    "bytes": "base64 data",
}


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def default_of(column: Column[Any]) -> Any:
    """The value a row from an older Balcony gets for a column it did not have; _MISSING if
    the column has no default and must be given."""
    default = column.default
    if default is not None and getattr(default, "is_scalar", False):
        return getattr(default, "arg", None)
    if column.nullable and not column.primary_key:
        return None
    return _MISSING


def has_default(column: Column[Any]) -> bool:
    return default_of(column) is not _MISSING

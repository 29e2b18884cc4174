"""Figures to JSON and back, for handing charts to a child process that draws them.

Each figure is `{"type": "TimingChart", "data": dataclasses.asdict(figure)}`; decoding rebuilds
the dataclasses of facilitator/charts/figures.py field by field from their type hints, so the
nested bars, points and tuples come back as they went. No Qt, no pyqtgraph: the command line
uses this module.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any

from facilitator.charts import figures
from facilitator.charts.figures import Figure

FIGURE_TYPES: dict[str, type] = {
    kind.__name__: kind
    for kind in (
        figures.TimingChart,
        figures.CoverageChart,
        figures.HeatMap,
        figures.ScaleChart,
        figures.TurnsChart,
    )
}


class CodecError(ValueError):
    """The JSON does not describe a figure."""


def to_jsonable(figure: Figure) -> dict[str, Any]:
    return {"type": type(figure).__name__, "data": dataclasses.asdict(figure)}


def from_jsonable(value: Any) -> Figure:
    if not isinstance(value, dict) or value.get("type") not in FIGURE_TYPES:
        raise CodecError(f"Not a chart: {str(value)[:80]}")
    figure: Figure = _build(FIGURE_TYPES[value["type"]], value.get("data"))
    return figure


def dumps(many: list[Figure]) -> str:
    return json.dumps([to_jsonable(figure) for figure in many], ensure_ascii=False)


def loads(text: str) -> list[Figure]:
    values = json.loads(text)
    if not isinstance(values, list):
        raise CodecError("Expected a JSON list of charts")
    return [from_jsonable(value) for value in values]


def _build(hint: Any, value: Any) -> Any:
    """`value` (from JSON) as the type `hint` names."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if not isinstance(value, dict):
            raise CodecError(f"Expected the fields of {hint.__name__}")
        hints = typing.get_type_hints(hint, vars(figures))
        try:
            return hint(
                **{f.name: _build(hints[f.name], value[f.name]) for f in dataclasses.fields(hint)}
            )
        except KeyError as missing:
            raise CodecError(f"{hint.__name__} lacks {missing}") from None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        if value is None and type(None) in args:
            return None
        return _build(next(arg for arg in args if arg is not type(None)), value)
    if origin is tuple:
        if not isinstance(value, list):
            raise CodecError(f"Expected a list, not {value!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], item) for item in value)
        return tuple(_build(arg, item) for arg, item in zip(args, value, strict=True))
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if hint in (str, int, bool) and type(value) is hint:
        return value
    raise CodecError(f"Expected {getattr(hint, '__name__', hint)}, not {value!r}")

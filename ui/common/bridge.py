"""The one way domain events reach the screen: as a Qt signal that lives only as long as the
widget (or model) that listens.

Domain services announce changes through `facilitator.common.events.Event`, which knows
nothing of Qt. `listen(owner, event, slot)` forwards each announcement to `slot` through a
small relay object parented to `owner`; when `owner` is destroyed, Qt destroys the relay and
the relay takes its forwarder off the domain event. So no listener is ever called on a deleted
widget, and no window has to remember to detach itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from facilitator.common.events import Event

T = TypeVar("T")


class _Relay(QObject):
    fired = Signal(object)


def listen(owner: QObject, event: Event[T], slot: Callable[[T], Any]) -> None:
    """Calls `slot` with every value `event` announces, until `owner` is destroyed."""
    relay = _Relay(owner)
    relay.setObjectName("domain-event-relay")
    relay.fired.connect(slot)

    def forward(value: T) -> None:
        relay.fired.emit(value)

    def stop(*_: object) -> None:
        with contextlib.suppress(ValueError):  # taken off already
            event.disconnect(forward)

    event.connect(forward)
    relay.destroyed.connect(stop)

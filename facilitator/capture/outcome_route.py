"""One route for focus risks, actions, asks and offers: a bullet tagged as one becomes that
item itself.

Typed as `a:`, `ask:` or `offer:` (or `r:` in the presentation) and confirmed with Enter, the
words leave the stage's bullets and are stored once, as the action, ask, offer or focus risk
the Outcomes panel lists (where an owner, scope and counterpart can be completed). A focus
risk typed is in the same list as one pinned from the bank. So the record prints each once,
under its own heading, whichever way it was entered. An ask or offer is the presenting
team's (what it wants or can give) unless the bullet named someone else.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.capture.actions import Actions, ActionView
from facilitator.capture.exchanges import Exchanges, ExchangeView
from facilitator.capture.focus_risks import Focus, FocusRisks
from facilitator.capture.notes import Notebook, NoteView
from facilitator.capture.session_facts import SessionFacts
from facilitator.common.vocabulary import ExchangeKind, NoteTag, StageKind

_EXCHANGES = {NoteTag.ASK: ExchangeKind.ASK, NoteTag.OFFER: ExchangeKind.OFFER}


@dataclass(frozen=True)
class Routed:
    """A bullet that became an item: enough to put the bullet back on undo."""

    note: NoteView
    action: ActionView | None = None
    exchange: ExchangeView | None = None
    focus: Focus | None = None

    @property
    def said(self) -> str:
        """What the status bar tells the facilitator."""
        if self.focus is not None:
            return "Added as a focus risk: the Outcomes panel (Ctrl+J) lists the session's."
        what = "action" if self.action else "ask" if self.note.tag is NoteTag.ASK else "offer"
        return f"Added as an {what} in the Outcomes panel (Ctrl+J), where it can be completed."


class OutcomeRoute:
    def __init__(
        self,
        notebook: Notebook,
        actions: Actions,
        exchanges: Exchanges,
        facts: SessionFacts,
        focus_risks: FocusRisks,
    ) -> None:
        self._notebook, self._actions, self._exchanges = notebook, actions, exchanges
        self._facts, self._focus_risks = facts, focus_risks

    def routes(self, note: NoteView) -> bool:
        """Whether `note` would become an item: a risk only in the presentation, where the
        DCS names the focus risks; elsewhere a risk is what was said about it."""
        if note.session_id is None:
            return False
        if note.tag is NoteTag.RISK:
            return self._notebook.stage_kind(note.stage_id) is StageKind.PRESENTATION
        return note.tag in (NoteTag.ACTION, *_EXCHANGES)

    def route(self, note: NoteView) -> Routed | None:
        """Turns a saved action, ask or offer bullet of a session into that item; None for
        any other bullet, which stays as it is."""
        session_id = note.session_id
        if session_id is None or not self.routes(note):
            return None
        if note.tag is NoteTag.RISK:
            routed = Routed(note, focus=self._focus_risks.add(session_id, note.text))
        elif note.tag is NoteTag.ACTION:
            routed = Routed(note, action=self._actions.add(session_id, note.text))
        else:
            by = note.authority_id or self._facts.get(session_id).authority_id
            exchange = self._exchanges.add(session_id, _EXCHANGES[note.tag], by, note.text)
            routed = Routed(note, exchange=exchange)
        self._notebook.delete(note.id)
        return routed

    def unroute(self, routed: Routed) -> NoteView:
        """Undo: the item goes and the bullet comes back where it was."""
        if routed.action is not None:
            self._actions.delete(routed.action.id)
        if routed.exchange is not None:
            self._exchanges.delete(routed.exchange.id)
        if routed.focus is not None:
            self._focus_risks.delete(routed.focus.id)
        return self._notebook.restore(routed.note)

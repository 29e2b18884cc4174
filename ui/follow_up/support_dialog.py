"""Agree support: for an ask or offer of the cycle's days, the option agreed from the menu of
support (Annex 1), who sees it through, by when, and for an ask the offer from another
authority that meets it, if one does (the follow-up service suggests them, closest first)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from facilitator.common.support_menu import SupportOption
from facilitator.common.vocabulary import ExchangeKind
from facilitator.follow_up.matching import OfferMatch
from facilitator.follow_up.service import FollowUps
from facilitator.follow_up.views import FollowUpView
from ui.common.views import guidance, pydate, selected_row, table
from ui.follow_up.choice_models import ExchangesModel
from ui.follow_up.commands import FOLLOW_UP_ERRORS
from ui.follow_up.dialogs import FollowUpDialog, date_edit
from ui.follow_up.sources import ExchangeRow

NONE_MADE = (
    "No asks or offers were made on these days. They are added on the day, in each "
    "session's reflection and actions."
)
NO_OFFER = "No offer (none meets it, or none is agreed)"
OFFERS_ONLY_FOR_ASKS = "Only an ask is met by an offer"
FOUR_WEEKS = dt.timedelta(weeks=4)


def offer_words(match: OfferMatch) -> str:
    """ "Brackenmoor, Day 1 (18 January 2027): Our fostering recruitment hub"."""
    return f"{match.where}: {match.topic}"


class AgreeSupportDialog(FollowUpDialog):
    def __init__(
        self,
        follow_ups: FollowUps,
        exchanges: Sequence[ExchangeRow],
        where: str,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Agree support", "&Agree support", parent)
        self.follow_ups = follow_ups
        self.agreed: FollowUpView | None = None
        self.setMinimumSize(780, 560)
        self.resize(920, 600)

        intro = QLabel(
            f"Asks and offers made on {where}. Choose one and the support agreed for it from "
            "the menu of support (Annex 1)."
        )
        intro.setWordWrap(True)
        self.model = ExchangesModel(exchanges, self)
        self.table = table(self.model, "Asks and offers", stretch=3)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.empty_label = guidance(NONE_MADE)

        self.option = QComboBox()
        self.option.setAccessibleName("Support agreed")
        for option in SupportOption:
            self.option.addItem(option.label, option.name)
        self.offer = QComboBox()
        self.offer.setAccessibleName("Offer that meets the ask")
        self.offer.setMinimumContentsLength(40)
        self.owner = QLineEdit()
        self.owner.setAccessibleName("Owner")
        self.owner.setPlaceholderText("Who sees it through (needed)")
        self.due = date_edit(today + FOUR_WEEKS, "Due date")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Optional: anything agreed about it")

        form = QFormLayout()
        form.addRow("&Support:", self.option)
        form.addRow("&Met by offer:", self.offer)
        form.addRow("&Owner:", self.owner)
        form.addRow("&Due by:", self.due)
        form.addRow("N&ote:", self.note)
        self.lay_out_choice(intro, self.empty_label, self.table, form)
        self._chosen()
        self.table.setFocus()

    def chosen(self) -> ExchangeRow | None:
        row = selected_row(self.table)
        return self.model.row_at(row) if row is not None else None

    def choose(self, exchange_id: int) -> None:
        for row, exchange in enumerate(self.model.rows()):
            if exchange.id == exchange_id:
                self.table.selectRow(row)

    def choose_option(self, option: SupportOption) -> None:
        self.option.setCurrentIndex(self.option.findData(option.name))

    def _chosen(self) -> None:
        exchange = self.chosen()
        self.ok_button.setEnabled(exchange is not None)
        self.offer.clear()
        if exchange is None or exchange.kind is not ExchangeKind.ASK:
            self.offer.addItem(OFFERS_ONLY_FOR_ASKS, None)
            self.offer.setEnabled(False)
            return
        try:
            matches = self.follow_ups.offers_for(exchange.id)
        except FOLLOW_UP_ERRORS:
            matches = ()
        self.offer.addItem(NO_OFFER, None)
        for match in matches:
            self.offer.addItem(offer_words(match), match.exchange_id)
            shared = f"Words they share: {', '.join(match.shared)}"
            self.offer.setItemData(self.offer.count() - 1, shared, Qt.ItemDataRole.ToolTipRole)
        self.offer.setEnabled(bool(matches))

    def chosen_offer(self) -> int | None:
        value = self.offer.currentData()
        return value if isinstance(value, int) else None

    def submit(self) -> None:
        exchange = self.chosen()
        if exchange is None:
            return
        self.agreed = self.follow_ups.agree_support(
            exchange.id,
            SupportOption[self.option.currentData()],
            self.owner.text(),
            pydate(self.due.date()),
            self.note.text(),
            offer_id=self.chosen_offer(),
        )

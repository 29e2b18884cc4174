"""The menu of support after a peer challenge: Annex 1 of the handbook (seed 002).

An ask or an offer is tracked to one of these once support is agreed. The names are stored
(FollowUp.support), so they never change; the labels are what a director reads.
"""

from __future__ import annotations

from enum import Enum


class SupportOption(Enum):
    TOPICAL_PEER_CHALLENGE = "Topical peer challenge"
    LEADERSHIP_PEER_CHALLENGE = "Leadership and management peer challenge"
    SLIP_SUPPORT = "Support from a Sector Led Improvement Partner (SLIP)"
    PEER_AUTHORITY = "Support from a peer authority in the region"
    REGIONAL_PROJECT = "A regional project on a key risk area"
    LEADERSHIP_DEVELOPMENT = "Leadership development and CPD"
    BENCHMARKING = "Benchmarking data"
    LGA_SUPPORT = "Support from the LGA"

    @property
    def label(self) -> str:
        return self.value

    @classmethod
    def named(cls, words: str) -> SupportOption:
        """The option a coordinator typed: its name (any case, '-' or '_') or its label's
        first words; ValueError listing the choices otherwise."""
        wanted = " ".join(words.replace("-", " ").replace("_", " ").casefold().split())
        for option in cls:
            name = option.name.replace("_", " ").casefold()
            if wanted in (name, option.value.casefold()):
                return option
        choices = ", ".join(option.name.lower().replace("_", "-") for option in cls)
        raise ValueError(f"“{words}” is not on the menu of support: choose one of {choices}.")


def support_label(name: str) -> str:
    """What a director reads for a stored option's name; a name no longer on the menu (from a
    later Balcony, say) is shown in words rather than lost."""
    try:
        return SupportOption[name].label
    except KeyError:
        return name.replace("_", " ").capitalize()

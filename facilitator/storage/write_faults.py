"""A write that failed (a full disk, a read-only or vanished folder, a lock held elsewhere)
told in words a facilitator can act on. Database.session_scope raises it for every write the
database refuses; the callers keep what was being written (the capture line retries), so
nothing typed is dropped because the disk said no."""

from __future__ import annotations


class WriteFailedError(Exception):
    """A write to the data file failed; the message says why and what to do."""


def describe(error: BaseException) -> str:
    text = str(error).lower()
    if "full" in text or "no space" in text:
        return (
            "Not saved: the disk is full. Free some space (empty the recycle bin, move large "
            "files); what you typed is kept here and Balcony keeps trying."
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return (
            "Not saved: the data file cannot be written (it or its folder is read-only). "
            "What you typed is kept here; Balcony keeps trying."
        )
    if "locked" in text or "busy" in text:
        return (
            "Not saved: another program is holding the data file. Close it (a backup or sync "
            "tool?); what you typed is kept here and Balcony keeps trying."
        )
    return (
        "Not saved: the data file could not be written (was a USB stick or network drive "
        "removed?). What you typed is kept here; Balcony keeps trying."
    )


CHANGED_ELSEWHERE = (
    "Not saved: someone else changed or removed this on the shared database since you last "
    "saw it. Refresh (F5 on the home window) to see their change, then make yours again; "
    "what you typed is kept here."
)


def describe_server(error: BaseException) -> str:
    """A write a shared database server refused or never received."""
    text = str(error).lower()
    if "connection" in text or "server closed" in text or "timeout" in text:
        return (
            "Not saved: the database server cannot be reached (is the network down?). What "
            "you typed is kept here; Balcony keeps trying."
        )
    if "read-only" in text or "permission denied" in text:
        return (
            "Not saved: the database server does not let you change this. Ask whoever runs "
            "it; what you typed is kept here."
        )
    return (
        "Not saved: the database server refused the change. What you typed is kept here; "
        "Balcony keeps trying."
    )

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

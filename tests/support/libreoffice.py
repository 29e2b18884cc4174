"""A real LibreOffice as the director's word processor, for round-trip tests.

One headless soffice per test session (the ``libreoffice`` fixture), with a private profile,
listening for UNO on a free local port. ``LibreOffice.edit`` opens a file in it, applies
editing steps through tests/support/uno_editor.py (run by the system python, which has the
``uno`` module the venv lacks) and saves the result — so a test can check what Writer really
writes back into a .docx: tracked changes, comments, new list items, deleted paragraphs.

    def test_director_rewords(libreoffice, tmp_path):
        returned = libreoffice.edit(
            sent, tmp_path / "returned.docx",
            [{"track": True}, {"reword": {"find": "old words", "to": "new words"}}],
        )

Steps are listed in uno_editor.py. The packages come from ``bash scripts/test`` (which runs
``scripts/setup --test``): libreoffice-writer-nogui and python3-uno. Without them the fixture
fails rather than skips, so a missing editor is never mistaken for a passing round trip.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

# One editing step, e.g. {"track": True} or {"reword": {"find": "old", "to": "new"}}.
Step = dict[str, Any]

SOFFICE = "/usr/bin/soffice"
SYSTEM_PYTHON = "/usr/bin/python3"
EDITOR_SCRIPT = Path(__file__).with_name("uno_editor.py")
START_SECONDS = 60.0
EDIT_SECONDS = 60.0
INSTALL_HINT = (
    "run `bash scripts/test` (its `scripts/setup --test` installs the Debian packages "
    "libreoffice-writer-nogui and python3-uno)"
)


def missing_requirements() -> str | None:
    """Why a real LibreOffice cannot be driven here, or None when it can."""
    if not (os.access(SOFFICE, os.X_OK) or shutil.which("soffice")):
        return f"LibreOffice (soffice) is not installed: {INSTALL_HINT}"
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        return f"{SYSTEM_PYTHON} is missing: {INSTALL_HINT}"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"],
        capture_output=True,
        text=True,
        env=_system_python_env(),
        timeout=60,
        check=False,
    )
    if probe.returncode != 0:
        return f"{SYSTEM_PYTHON} cannot `import uno` ({probe.stderr.strip()}): {INSTALL_HINT}"
    return None


def _system_python_env() -> dict[str, str]:
    """This environment without the venv's hold on Python, so /usr/bin/python3 is itself."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


# Written into the private profile before soffice first starts: no ".~lock.NAME#" files left
# beside the documents under test (a crashed soffice would leave them, and a later load of a
# "locked" file fails).
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseDocumentOOoLockFile" \
oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseDocumentSystemFileLocking" \
oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class LibreOffice:
    """A headless soffice with a private profile that edits documents on request."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._profile: Path | None = None
        self.port = 0
        self.restarts = 0
        self._start()

    # -- the soffice process -------------------------------------------------------------

    def _start(self) -> None:
        self._profile = Path(tempfile.mkdtemp(prefix="balcony-libreoffice-"))
        self.port = _free_port()
        user = self._profile / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_PROFILE_SETTINGS, encoding="utf-8")
        log = (self._profile / "soffice.log").open("wb")
        soffice = SOFFICE if os.access(SOFFICE, os.X_OK) else (shutil.which("soffice") or SOFFICE)
        try:
            self._process = subprocess.Popen(
                [
                    soffice,
                    "--headless",
                    "--invisible",
                    "--nologo",
                    "--norestore",
                    "--nodefault",
                    "--nolockcheck",
                    f"-env:UserInstallation={self._profile.as_uri()}",
                    f"--accept=socket,host=127.0.0.1,port={self.port};urp;",
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Its own process group: soffice is a script that starts soffice.bin, and
                # close() must end both without touching any other LibreOffice.
                start_new_session=True,
            )
        finally:
            log.close()
        deadline = time.monotonic() + START_SECONDS
        while not _accepts(self.port):
            if self._process.poll() is not None:
                output = self._log()
                self._stop()
                raise AssertionError(f"LibreOffice exited while starting:\n{output}")
            if time.monotonic() > deadline:
                output = self._log()
                self._stop()
                raise AssertionError(
                    f"LibreOffice did not accept connections within {START_SECONDS:.0f} s:\n"
                    f"{output}"
                )
            time.sleep(0.1)

    def _log(self) -> str:
        if self._profile is None:
            return ""
        try:
            return (self._profile / "soffice.log").read_text(errors="replace")
        except OSError:
            return ""

    def _alive(self) -> bool:
        return self._process is not None and self._process.poll() is None and _accepts(self.port)

    def _signal(self, signum: int) -> None:
        assert self._process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signum)

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._signal(signal.SIGTERM)
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._signal(signal.SIGKILL)
                    self._process.wait(timeout=10)
            # The script may be gone while soffice.bin, in the same group, lingers.
            self._signal(signal.SIGKILL)
            self._process = None
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def restart(self) -> None:
        self._stop()
        self.restarts += 1
        self._start()

    def close(self) -> None:
        """Stop soffice (killing it if it lingers) and remove its profile. Idempotent."""
        self._stop()

    # -- editing -------------------------------------------------------------------------

    def edit(self, source: Path, target: Path, steps: Sequence[Step]) -> Path:
        """Open ``source`` in LibreOffice, apply ``steps``, save as ``target``; return it.

        The format follows ``target``'s extension: .docx (Word 2007-365) or .odt.
        Raises AssertionError, with LibreOffice's complaint, when an edit fails.
        """
        if not self._alive():
            self.restart()
        source, target = Path(source), Path(target)
        command = [
            SYSTEM_PYTHON,
            str(EDITOR_SCRIPT),
            "--port",
            str(self.port),
            str(source.resolve()),
            str(target.resolve()),
            json.dumps(list(steps)),
        ]
        try:
            result = subprocess.run(
                command,
                capture_output=True,
                text=True,
                env=_system_python_env(),
                timeout=EDIT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            stderr = error.stderr or ""
            if isinstance(stderr, bytes):
                stderr = stderr.decode(errors="replace")
            self.restart()  # a hung soffice would fail every later edit too
            raise AssertionError(
                f"LibreOffice took over {EDIT_SECONDS:.0f} s to edit {source.name} with "
                f"{steps!r}; restarted it.\n{stderr}"
            ) from None
        if result.returncode != 0:
            raise AssertionError(
                f"LibreOffice could not edit {source.name} with {steps!r} "
                f"(exit {result.returncode}):\n{result.stderr.strip()}"
            )
        if not target.is_file():
            raise AssertionError(f"LibreOffice reported success but did not write {target}")
        return target


_shared: LibreOffice | None = None


def _close_shared() -> None:
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None


atexit.register(_close_shared)


@pytest.fixture(scope="session")
def libreoffice() -> Iterator[LibreOffice]:
    """One real headless LibreOffice for the whole session; fails if it is not installed."""
    global _shared
    problem = missing_requirements()
    if problem is not None:
        pytest.fail(problem, pytrace=False)
    # Shared at module level, so importing this fixture into several modules and also
    # registering it as a plugin still starts only one soffice.
    if _shared is None:
        _shared = LibreOffice()
    try:
        yield _shared
    finally:
        _close_shared()

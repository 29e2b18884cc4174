"""Where the data file lives, found without Qt: --data, then $BALCONY_DATA, then the data folder.

The data folder is the one Qt's `QStandardPaths.writableLocation(GenericDataLocation)` names, so
the command line (which never imports Qt) and the window agree on the same file:

- Linux and other Unix: `$XDG_DATA_HOME` when it is set and absolute (Qt ignores a relative
  one), else `~/.local/share`;
- Windows: the local application data folder, `%LOCALAPPDATA%`;
- macOS: `~/Library/Application Support`.

`tests/ui/common/test_paths.py` checks that this agrees with Qt on the machine running the tests.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

DATA_ENV = "BALCONY_DATA"
DATA_FOLDER_NAME = "Balcony"
DATA_FILE_NAME = "balcony.sqlite"


def generic_data_folder() -> Path:
    """The platform's folder for user data shared by applications (Qt's GenericDataLocation)."""
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA", "")
        return Path(local) if local else Path.home() / "AppData" / "Local"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    if xdg and os.path.isabs(xdg):
        return Path(xdg)
    return Path.home() / ".local" / "share"


def default_data_path() -> Path:
    """$BALCONY_DATA if set, else `balcony.sqlite` in Balcony's folder in the data folder."""
    from_env = os.environ.get(DATA_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return generic_data_folder() / DATA_FOLDER_NAME / DATA_FILE_NAME


def resolve_data_path(given: str | None) -> Path:
    """The file `--data` names if given, else the default one."""
    return Path(given).expanduser() if given else default_data_path()


SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


class ServerAddressError(ValueError):
    """An address that names a database server but cannot be used as given."""


@dataclass(frozen=True)
class ServerAddress:
    """A shared PostgreSQL database, named by its libpq address
    (`postgresql://USER@HOST:PORT/DATABASE`), never with a password in it: the server's own
    sign-in (a ~/.pgpass file, PGPASSWORD, Kerberos, a certificate) supplies that, so Balcony
    never keeps one in plain text in its settings, its logs or a window's title."""

    url: str

    @classmethod
    def parse(cls, text: str) -> ServerAddress:
        text = text.strip()
        try:
            parts = urlsplit(text)
            parts.port  # noqa: B018  (raises ValueError on a port that is not a number)
        except ValueError as exc:
            raise ServerAddressError(
                f"The server address “{text}” cannot be read ({exc}). "
                "Write it as postgresql://USER@HOST:PORT/DATABASE."
            ) from exc
        if parts.password is not None:
            raise ServerAddressError(
                "The server address holds a password, which Balcony would then keep in plain "
                "text. Leave it out (postgresql://USER@HOST:PORT/DATABASE) and let the server's "
                "own sign-in supply it: a ~/.pgpass file or the PGPASSWORD variable."
            )
        if not parts.path.strip("/"):
            raise ServerAddressError(
                f"The server address “{text}” names no database. "
                "Write it as postgresql://USER@HOST:PORT/DATABASE."
            )
        return cls(text)

    @property
    def driver_url(self) -> str:
        """The address as SQLAlchemy takes it, through the psycopg 3 driver."""
        return "postgresql+psycopg://" + self.url.split("://", 1)[1]

    @property
    def host(self) -> str:
        """The server and its port as the address gives them ("db.example.org:5432")."""
        parts = urlsplit(self.url)
        return f"{parts.hostname or 'localhost'}" + (f":{parts.port}" if parts.port else "")

    @property
    def database(self) -> str:
        return urlsplit(self.url).path.strip("/")

    def __str__(self) -> str:
        return self.url


DataLocation = Path | ServerAddress
"""Where Balcony's data lives: a data file (SQLite) or a shared database server."""


def is_server_address(text: str) -> bool:
    scheme = text.strip().split("://", 1)[0].lower() if "://" in text else ""
    return scheme in SERVER_SCHEMES


def resolve_data_location(given: str | None) -> DataLocation:
    """What `--data` (or else $BALCONY_DATA) names: a server address or a file; by default
    the data file in Balcony's folder. Raises ServerAddressError for an unusable address."""
    text = given if given else os.environ.get(DATA_ENV, "").strip()
    if text and is_server_address(text):
        return ServerAddress.parse(text)
    return resolve_data_path(given)

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
from pathlib import Path

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

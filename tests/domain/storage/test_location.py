"""Where the data file lives: --data first, then $BALCONY_DATA, then the platform's data folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from facilitator.storage import location
from facilitator.storage.location import (
    DATA_ENV,
    default_data_path,
    generic_data_folder,
    resolve_data_path,
)


@pytest.fixture(autouse=True)
def no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


def test_data_wins_over_the_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "env.sqlite"))
    assert resolve_data_path(str(tmp_path / "flag.sqlite")) == tmp_path / "flag.sqlite"
    assert resolve_data_path(None) == tmp_path / "env.sqlite"
    assert resolve_data_path("") == tmp_path / "env.sqlite"


def test_the_environment_variable_wins_over_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_ENV, f"  {tmp_path / 'env.sqlite'}  ")
    assert default_data_path() == tmp_path / "env.sqlite"


def test_an_empty_environment_variable_is_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, "   ")
    assert default_data_path() == generic_data_folder() / "Balcony" / "balcony.sqlite"


def test_a_home_relative_path_is_expanded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, "~/env.sqlite")
    assert default_data_path() == Path.home() / "env.sqlite"
    assert resolve_data_path("~/flag.sqlite") == Path.home() / "flag.sqlite"


def test_with_neither_the_file_is_in_balconys_folder_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(location, "generic_data_folder", lambda: tmp_path)
    assert resolve_data_path(None) == tmp_path / "Balcony" / "balcony.sqlite"


def test_linux_uses_an_absolute_xdg_data_home_else_local_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert generic_data_folder() == tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert generic_data_folder() == tmp_path / "home" / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert generic_data_folder() == tmp_path / "home" / ".local" / "share"


def test_windows_uses_the_local_app_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "AppData" / "Local"))
    assert generic_data_folder() == tmp_path / "AppData" / "Local"


def test_macos_uses_application_support(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    assert generic_data_folder() == tmp_path / "Library" / "Application Support"

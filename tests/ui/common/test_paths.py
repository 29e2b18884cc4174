"""The data folder found without Qt is the very one Qt's QStandardPaths names on this machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from facilitator.storage.location import DATA_ENV, default_data_path, generic_data_folder
from ui.common import paths


def qt_data_folder() -> Path:
    """What the app used before the command line stopped importing Qt."""
    location = QStandardPaths.StandardLocation.GenericDataLocation
    return Path(QStandardPaths.writableLocation(location))


@pytest.fixture(autouse=True)
def no_data_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_ENV, raising=False)


def test_without_xdg_data_home_the_pure_folder_is_qts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    assert generic_data_folder() == qt_data_folder()


def test_with_xdg_data_home_the_pure_folder_is_qts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert generic_data_folder() == qt_data_folder()
    assert default_data_path() == qt_data_folder() / "Balcony" / "balcony.sqlite"


def test_the_default_data_file_is_the_one_the_app_always_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    paths.set_identity()
    assert paths.default_data_path() == qt_data_folder() / paths.APPLICATION / "balcony.sqlite"


def test_the_identity_names_the_app_its_organisation_and_domain() -> None:
    from PySide6.QtCore import QCoreApplication

    paths.set_identity()

    assert QCoreApplication.applicationName() == "Balcony"
    assert QCoreApplication.organizationName() == "Balcony"
    # The macOS bundle's identifier is this domain reversed: its settings go there.
    assert QCoreApplication.organizationDomain() == "balcony.org.uk"
    spec = (Path(__file__).resolve().parents[3] / "packaging" / "balcony.spec").read_text()
    assert 'bundle_identifier="uk.org.balcony.Balcony"' in spec

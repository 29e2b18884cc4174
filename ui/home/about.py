"""Help ▸ About Balcony: the version, what it is for, its licence and the data file open."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_about(parent: QWidget, data_file: str) -> None:
    from facilitator import __version__

    QMessageBox.about(
        parent,
        "About Balcony",
        f"<h3>Balcony {__version__}</h3>"
        "<p>A facilitator’s companion for children’s services peer challenge days: "
        "plan the day, keep time, capture the notes, write the record.</p>"
        "<p>Free software under the MIT licence: use, copy and change it freely; it "
        "comes with no warranty.</p>"
        f"<p>Data file: {data_file}</p>",
    )

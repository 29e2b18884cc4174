"""Putting a QTextDocument on A4: through the system print dialog, or into a PDF file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from facilitator.storage.files import WriteError, write_atomically

# QTextDocument.print_ adds 2 cm round the text, inside the printer's own margins.
PRINTER_MARGIN_MM = 5.0


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    margins = QMarginsF(*(PRINTER_MARGIN_MM,) * 4)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            margins,
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def print_document(
    document: QTextDocument, doc_name: str, title: str, parent: QWidget | None = None
) -> bool:
    """Asks which printer through the system dialog and prints; False if the user cancels."""
    printer = a4_printer()
    printer.setDocName(doc_name)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document.print_(printer)
    return True


def save_pdf(document: QTextDocument, path: Path, doc_name: str, *, overwrite: bool) -> None:
    """Saves an A4 PDF: made in a temporary folder, then written safely into place.
    Raises WriteError with a readable message; nothing is written then."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise WriteError(
            f"{path} already exists. Choose another name, or confirm that it may be replaced."
        )
    with tempfile.TemporaryDirectory(prefix="balcony-pdf-") as folder:
        draft = Path(folder) / "draft.pdf"
        printer = a4_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(draft))
        printer.setDocName(doc_name)
        printer.setCreator("Balcony")
        document.print_(printer)
        data = draft.read_bytes() if draft.exists() else b""
    if not data.startswith(b"%PDF"):
        raise WriteError(f"{path} could not be written: the PDF could not be made. Try again.")
    write_atomically(path, data, overwrite=overwrite)

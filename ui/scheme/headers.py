"""Headers on the left, for the scheme window's table models (the views themselves are
ui/common/views.py's)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.planning.day_models import HeaderedTable


class LeftHeaders(HeaderedTable):
    """Headers aligned with the words under them."""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

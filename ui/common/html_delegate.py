"""Draws list items from a small HTML role, wrapped to the view's width."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
PADDING = 8
SELECTED = QColor("#d2e2f1")
BAR = QColor("#1d70b8")
CACHE_LIMIT = 5000


class HtmlDelegate(QStyledItemDelegate):
    def __init__(self, html_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = html_role
        self._heights: dict[tuple[str, int, str], int] = {}

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(str(index.data(self._role) or ""))
        document.setTextWidth(max(width - 2 * PADDING, 50))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED)
            painter.fillRect(rect.x(), rect.y(), 5, rect.height(), BAR)
        painter.setPen(QColor("#e5e4e3"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        document = self._document(option, index, rect.width())
        painter.translate(rect.x() + PADDING, rect.y() + PADDING)
        document.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 400
        # Laying out rich text is the costly part of a long list: remember each answer.
        key = (str(index.data(self._role) or ""), width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            height = int(self._document(option, index, width).size().height()) + 2 * PADDING
            if len(self._heights) > CACHE_LIMIT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)

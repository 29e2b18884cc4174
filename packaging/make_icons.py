"""Draws the app's icon (resources/icons/balcony.svg) at the sizes desktops ask for, into
packaging/icons/balcony-SIZE.png, with balcony.ico (Windows) and balcony.icns (macOS). Run
again after changing the SVG: `QT_QPA_PLATFORM=offscreen .venv/bin/python
packaging/make_icons.py`."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "balcony.svg"))
    if not renderer.isValid():
        print("make_icons: the SVG could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ROOT / "packaging" / "icons" / f"balcony-{size}.png"))
        if size == 256:
            image.save(str(ROOT / "packaging" / "icons" / "balcony.ico"))
        if size == 512:
            image.save(str(ROOT / "packaging" / "icons" / "balcony.icns"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

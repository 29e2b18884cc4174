"""`python -m ui.charts.png_worker [--width-mm 160] [--dpi 200]`: draws charts to PNG.

Reads a JSON list of figures (facilitator/charts/codec.py) on stdin and writes a JSON list of the
PNGs, base64-encoded, on stdout, in the same order. The command line runs this in a child
process (cli/chart_pictures.py) so that it never imports Qt itself. Exit status 2 and a line
on stderr when the input is not a list of charts.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys

from facilitator.charts.codec import CodecError, loads


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.charts.png_worker")
    parser.add_argument("--width-mm", type=float, default=160.0)
    parser.add_argument("--dpi", type=int, default=200)
    options = parser.parse_args(argv)
    try:
        figures = loads(sys.stdin.read())
    except (CodecError, ValueError) as error:
        print(f"png_worker: {error}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.charts.render import render_png

    pictures = [
        base64.b64encode(render_png(f, width_mm=options.width_mm, dpi=options.dpi)).decode()
        for f in figures
    ]
    json.dump(pictures, sys.stdout)
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())

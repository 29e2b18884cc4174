"""The bundled app's entry point: the same as the `balcony` command."""

import sys

from cli.main import main

if __name__ == "__main__":
    sys.exit(main())

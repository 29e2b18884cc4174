"""`python -m cli`: the same as the `balcony` command."""

import sys

from cli.main import main

sys.exit(main())

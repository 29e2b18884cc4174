"""`python -m ui`: the same as the `balcony` command, which opens this window by default."""

import sys

from cli.main import main

sys.exit(main())

"""The bundle's `lotline` program: the command line (as the `lotline` script of the wheel)."""

import sys

from desktop.cli import main

sys.exit(main())

"""`python -m desktop.cli` is `lotline`."""

import sys

from desktop.cli import main

sys.exit(main())

"""`python -m desktop` starts the station program (the GUI)."""

import sys

from desktop.app import main

sys.exit(main())

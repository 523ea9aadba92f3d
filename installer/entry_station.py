"""The bundle's `lotline-station` program: the station (as `python -m desktop`)."""

import sys

from desktop.app import main

sys.exit(main())

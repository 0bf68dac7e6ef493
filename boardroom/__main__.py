"""`python -m boardroom ...` runs the same command line as `boardroom ...`."""

import sys

from .cli import main

sys.exit(main())

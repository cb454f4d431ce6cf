"""``python -m vitnemal`` runs the command line (same as the ``vitnemal`` script)."""

import sys

from vitnemal.cli import main

sys.exit(main())

import sys

from vitnemal.cli import main

sys.exit(main())

import sys

from facelift.cli import main

sys.exit(main())

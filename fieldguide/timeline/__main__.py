"""``python -m fieldguide.timeline EXAMPLE.py --output DIR``: see command.py."""

import sys

from fieldguide.timeline.command import main

sys.exit(main())

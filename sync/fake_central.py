"""`python -m sync.fake_central`: the command of CONTRACT.md; the server lives in sync/fakes/."""

import sys

from sync.fakes.central import main

if __name__ == "__main__":
    sys.exit(main())

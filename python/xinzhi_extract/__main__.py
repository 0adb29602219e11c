"""``python -m xinzhi_extract``: the ``xinzhi-extract`` command."""

import sys

from xinzhi_extract.cli import main

if __name__ == "__main__":
    sys.exit(main())

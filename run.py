#!/usr/bin/env python3
"""绿美植树助手 — `python run.py --help` lists every command."""

import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())

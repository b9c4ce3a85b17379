"""``python -m chronicle``: the same command as ``chronicle``."""

from .cli import main

main()

"""``python -m chronicle``: the same command as ``chronicle``."""

from .cli import app

app(prog_name="chronicle")

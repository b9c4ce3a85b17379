"""The README's CLI reference names every command and every --option of the chronicle app."""

from __future__ import annotations

from pathlib import Path

import click
import typer

from chronicle.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _walk(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _walk(sub, path + (name,))


def test_readme_names_every_command_and_option():
    text = README.read_text(encoding="utf-8")
    missing = []
    for path, command in _walk(typer.main.get_command(app)):
        if path and f"chronicle {' '.join(path)}" not in text:
            missing.append(f"command: chronicle {' '.join(path)}")
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help" and opt not in text:
                    missing.append(f"option: chronicle {' '.join(path)} {opt}")
    assert not missing, "README.md misses:\n" + "\n".join(missing)

"""Turn the user's inputs (files, folders, globs, "-") into the files to read, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from ..model import Failure
from .archives import is_hidden
from .files import failure

STDIN_ARG = "-"
_GLOB_CHARS = set("*?[")


def expand_inputs(inputs: list[str]) -> Iterator[Path | str | Failure]:
    """Each input as files: a Path per file, ``"-"`` for stdin, a Failure for what is not there.

    Folders are walked recursively in sorted order, skipping hidden files and folders;
    globs (``news/**/*.html``) are expanded, sorted.
    """
    for item in inputs:
        if item == STDIN_ARG:
            yield STDIN_ARG
            continue
        path = Path(item)
        try:
            path.stat()
        except OSError as error:
            if error.errno == 40:  # ELOOP: a link to itself
                yield failure(item, f"cannot follow this link: {error.strerror}")
                continue
        if path.is_dir():
            yield from walk_folder(path)
        elif path.exists() or os.path.islink(item):
            yield path
        elif _GLOB_CHARS & set(item):
            yield from _expand_glob(item)
        else:
            yield failure(item, "no such file or directory")


def walk_folder(folder: Path, seen: set[str] | None = None) -> Iterator[Path | Failure]:
    """Every non-hidden file under ``folder`` in path order (files and subfolders sorted together).

    Linked folders are followed once each: ``seen`` holds the real paths walked, so links cannot loop.
    """
    seen = set() if seen is None else seen
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as error:
        yield failure(str(folder), f"cannot read folder: {error.strerror or error}")
        return
    for entry in entries:
        if is_hidden(entry.name):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError as error:  # a link to itself, or a chain of links too long
            yield failure(entry.path, f"cannot follow this link: {error.strerror or error}")
            continue
        if is_folder:
            yield from walk_folder(Path(entry.path), seen)
        else:
            yield Path(entry.path)


def _expand_glob(pattern: str) -> Iterator[Path | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield failure(pattern, "no file matches this pattern")
    for match in matches:
        path = Path(match)
        yield from walk_folder(path) if path.is_dir() else [path]

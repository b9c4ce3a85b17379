"""Zip and tar archives, read member by member (never the whole archive in memory).

Members are named ``archive.zip!inner/path``; ``.gz`` members are decompressed. A member over
the file limit gets its own Failure; an archive whose members expand past ``max_archive_bytes``
or number more than ``max_archive_members`` gets one Failure and stops there (zip bomb), members
already yielded stay.
A damaged archive gets one Failure naming it: "truncated or corrupt archive: ...".
"""

from __future__ import annotations

import io
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from ..model import Document, Failure
from .files import CORRUPT_ERRORS, corrupt, failure, gunzip, read_limited, too_large
from .formats import container_kind
from .options import SourceOptions, human_size


_CHUNK = 1 << 20


def is_hidden(name: str) -> bool:
    """Hidden files and folders (``.DS_Store``, ``__MACOSX/``) are not documents."""
    parts = [part for part in name.split("/") if part not in ("", ".", "..")]  # "./a.txt" is not hidden
    return any(part.startswith(".") or part == "__MACOSX" for part in parts)


class _Budget:
    """Counts members and declared bytes of one archive against the archive limits."""

    def __init__(self, source: str, options: SourceOptions) -> None:
        self.source = source
        self.options = options
        self.members = 0
        self.bytes = 0

    def spend(self, size: int) -> Failure | None:
        """Account one member of ``size`` bytes; a Failure for the archive once past a limit."""
        self.members += 1
        self.bytes += size
        if self.members > self.options.max_archive_members:
            return failure(
                self.source,
                f"archive has more than {self.options.max_archive_members} members (zip bomb?)",
            )
        if self.bytes > self.options.max_archive_bytes:
            limit = human_size(self.options.max_archive_bytes)
            return failure(self.source, f"archive expands past the {limit} limit (zip bomb?)")
        return None


def _member(
    name: str, size: int, opener: Callable[[], BinaryIO | None], options: SourceOptions
) -> Document | Failure:
    """One regular member as a Document, or its size Failure."""
    if size > options.max_file_bytes:
        return too_large(name, size, options.max_file_bytes)
    stream = opener()
    if stream is None:  # tarfile gives None only for non-regular members, filtered out before
        return failure(name, "cannot extract this member")
    with stream:
        content = read_limited(stream, options.max_file_bytes)
    if content is None:  # the header under-declared the size
        return too_large(name, None, options.max_file_bytes)
    if container_kind(name) == "gzip":  # crawls keep pages as .html.gz inside the archive
        return gunzip(io.BytesIO(content), name, options)
    return Document(source=name, content=content)


def read_zip(path: Path, source: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """Each file of a .zip archive, in archive order."""
    budget = _Budget(source, options)
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.filename:  # a damaged directory entry; ZipInfo.is_dir() fails on it
                    yield failure(f"{source}!<no name>", "zip member has no name (damaged archive directory)")
                    continue
                if info.is_dir() or is_hidden(info.filename):
                    continue
                if (info.external_attr >> 16) & 0o170000 == 0o120000:  # a Unix symlink entry
                    yield failure(f"{source}!{info.filename}", "unsupported zip member: a symbolic link")
                    continue
                if over := budget.spend(info.file_size):
                    yield over
                    return
                name = f"{source}!{info.filename}"
                try:
                    yield _member(name, info.file_size, partial(archive.open, info), options)
                except (RuntimeError, NotImplementedError) as error:  # encrypted, unknown compression
                    yield failure(name, f"cannot extract this member: {error}")
    except zipfile.BadZipFile as error:
        yield corrupt(source, _zip_hint(path, error))
    except (zipfile.LargeZipFile, NotImplementedError, *CORRUPT_ERRORS) as error:
        yield corrupt(source, error)


def read_tar(path: Path, source: str, options: SourceOptions) -> Iterator[Document | Failure]:
    """Each regular file of a tar archive (plain, gz, bz2, xz), streamed in order."""
    budget = _Budget(source, options)
    try:
        with tarfile.open(path, mode="r|*") as archive:  # stream mode: no seeking back
            for info in archive:
                if is_hidden(info.name) or info.isdir():
                    continue
                if not info.isfile():  # links, devices, FIFOs: said, never skipped in silence
                    yield failure(f"{source}!{info.name}", f"unsupported tar member: {_tar_kind(info)}")
                    continue
                if over := budget.spend(info.size):
                    yield over
                    return
                yield _member(f"{source}!{info.name}", info.size, partial(archive.extractfile, info), options)
            # tarfile ends quietly at a missing end block: read the compressed stream to its end,
            # so a .tar.gz cut after a member's data is "truncated", not a clean, shorter archive.
            # A tar ends with two zero blocks and tarfile reads the first: none left, it was cut.
            # tarfile also stops quietly at a damaged member header: then more than zeros follow.
            rest = 0
            data_after = False
            while chunk := archive.fileobj.read(_CHUNK):
                rest += len(chunk)
                data_after = data_after or bool(chunk.strip(b"\0"))
            if rest == 0:
                raise EOFError("tar archive ends without its end-of-archive blocks (file cut short?); "
                               "members after this point are lost")
            if data_after:
                raise EOFError("damaged tar member header: the archive stops there, members after it are lost")
            decompressor = getattr(archive.fileobj, "cmp", None)  # zlib, bz2 or lzma; None for plain tar
            if decompressor is not None and not getattr(decompressor, "eof", True):
                raise EOFError("compressed stream ends early (file cut short?); members after this point are lost")
    except (tarfile.TarError, *CORRUPT_ERRORS) as error:
        yield corrupt(source, error)
    except TypeError:  # tarfile's gzip header reader on a file cut inside the header: ord(b"")
        yield corrupt(source, EOFError("compressed header cut short (file cut short?)"))


def _tar_kind(info: tarfile.TarInfo) -> str:
    if info.issym():
        return f"a symbolic link to {info.linkname}"
    if info.islnk():
        return f"a hard link to {info.linkname}"
    return "a device or FIFO" if info.isdev() else f"type {info.type!r}"


def _zip_hint(path: Path, error: zipfile.BadZipFile) -> BaseException:
    """zipfile says "File is not a zip file" when the directory at the end is missing: say why."""
    try:
        with path.open("rb") as stream:
            starts_like_zip = stream.read(4) == b"PK\x03\x04"
    except OSError:
        return error
    if starts_like_zip and "not a zip file" in str(error):
        return zipfile.BadZipFile("zip directory missing at the end (file cut short?)")
    return error

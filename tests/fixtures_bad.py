"""Helpers that build test files in tmp dirs: minimal PDFs, archives, WARCs, damaged files.

Everything here is written by the tests themselves: no shared data, no downloads.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import tarfile
import zipfile
from pathlib import Path


def make_pdf(lines: list[str], with_text: bool = True) -> bytes:
    """A one-page PDF whose text layer extracts as ``lines`` (any Unicode, up to 255 distinct chars).

    Each character gets a one-byte code in a Helvetica font whose ToUnicode map sends it back to
    the character, so pypdf extracts exactly what a real PDF with shaped Arabic would give.
    ``with_text=False`` gives a page with a drawing only, like a scan with no text layer.
    """
    chars = sorted({ch for line in lines for ch in line})
    codes = {ch: i + 1 for i, ch in enumerate(chars)}
    if with_text:
        shown = "".join(f"<{''.join(f'{codes[c]:02X}' for c in line)}> Tj T*\n" for line in lines)
        content = f"BT /F1 12 Tf 14 TL 72 720 Td\n{shown}ET\n"
    else:
        content = "0 0 1 rg 72 72 200 200 re f\n"
    cmap = _to_unicode(codes)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        " /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        _stream(content),
        _stream(cmap),
    ]
    return _assemble(objects)


def _to_unicode(codes: dict[str, int]) -> str:
    entries = [f"<{code:02X}> <{ord(ch):04X}>" for ch, code in codes.items()]
    blocks = "".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n"
        for chunk in (entries[i : i + 100] for i in range(0, len(entries), 100))
    )
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{blocks}endcmap CMapName currentdict /CMap defineresource pop end end\n"
    )


def _stream(body: str) -> str:
    data = body.encode("latin-1")
    return f"<< /Length {len(data)} >>\nstream\n{body}endstream"


def _assemble(objects: list[str]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def truncate(data: bytes, keep: float = 0.5) -> bytes:
    """The first ``keep`` share of ``data``: a download cut short."""
    return data[: max(1, int(len(data) * keep))]


def write(path: Path, data: bytes | str) -> Path:
    """Write bytes (or UTF-8 text) to ``path``, creating folders; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def make_zip(path: Path, members: dict[str, bytes | str]) -> Path:
    """A deflated .zip holding ``members`` (name -> content)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def make_tar(path: Path, members: dict[str, bytes | str]) -> Path:
    """A .tar.gz (or plain .tar, by the name) holding ``members``."""
    mode = "w:gz" if path.name.endswith(("gz", "tgz")) else "w"
    with tarfile.open(path, mode) as archive:
        for name, data in members.items():
            raw = data.encode("utf-8") if isinstance(data, str) else data
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            archive.addfile(info, io.BytesIO(raw))
    return path


def make_gzip(path: Path, data: bytes | str) -> Path:
    return write(path, gzip.compress(data.encode("utf-8") if isinstance(data, str) else data))


def warc_response(uri: str, body: bytes, content_type: str = "text/html", status: str = "200 OK") -> bytes:
    """One uncompressed WARC/1.0 response record with an HTTP response inside."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    block = http.encode("latin-1") + body
    headers = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Record-ID: <urn:uuid:{hashlib.md5(uri.encode() + body).hexdigest()}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return headers.encode("latin-1") + block + b"\r\n\r\n"


def make_warc_gz(path: Path, records: list[bytes]) -> Path:
    """A .warc.gz with one gzip member per record, as crawlers write them."""
    return write(path, b"".join(gzip.compress(record) for record in records))


def encrypt_pdf(pdf: bytes, user_password: str, algorithm: str = "AES-128") -> bytes:
    """``pdf`` encrypted with pypdf; an empty user password opens it without asking (owner lock only)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

"""``python -m chronicle.demo`` (``make demo``): ingest the team's demo corpus and show what was found.

Copies ``demo/corpus`` to ``demo-out/corpus``, builds the binary formats from ``demo/sources``
(a PDF, a .zip archive, a gzipped WARC crawl), ingests it all into a fresh ``demo-out/demo.db``
with the ``chronicle`` command, then prints articles, stories, events, quotes, errors and stats.
Then it serves the demo store's dashboard at http://127.0.0.1:8000 (``chronicle serve``), unless
CHRONICLE_DEMO_SERVE=0.
"""

from __future__ import annotations

import io
import os
import shutil
import sys
import textwrap
import zipfile
from pathlib import Path

from .cli import app

OUT = Path("demo-out")
PDF_LINE_CHARS = 90  # characters per line of the generated PDF (Helvetica 10 pt on A4)


def demo_dir() -> Path:
    """The demo/ folder of the source tree (the current folder's, else the package's)."""
    for candidate in (Path("demo"), Path(__file__).resolve().parents[2] / "demo"):
        if (candidate / "corpus").is_dir():
            return candidate
    raise SystemExit("demo/corpus not found: run the demo from the Chronicle source tree")


def build_corpus(demo: Path, out: Path) -> Path:
    """demo/corpus plus generated PDF, zip and WARC files, in ``out/corpus`` (made afresh)."""
    corpus = out / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(demo / "corpus", corpus)
    generated = corpus / "generated"
    generated.mkdir()
    sources = demo / "sources"
    for text in sorted((sources / "pdf").glob("*.txt")):
        write_pdf(text.read_text(encoding="utf-8"), generated / f"{text.stem}.pdf")
    write_zip(sources / "zip", generated / "bundle.zip")
    write_warc(sources / "warc", generated / "crawl.warc.gz")
    return corpus


def write_pdf(text: str, path: Path) -> None:
    """A one-page PDF of ``text`` (ASCII), one line per source line, wrapped; blank lines kept."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        lines.extend(textwrap.wrap(paragraph, PDF_LINE_CHARS) or [""])
    escaped = (line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines)
    stream = "BT /F1 10 Tf 13 TL 50 800 Td " + " ".join(f"({line}) Tj T*" for line in escaped) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{len(body)}\n%%EOF\n"
    path.write_bytes(body + (xref + trailer).encode("latin-1"))


def write_zip(folder: Path, path: Path) -> None:
    """Every file of ``folder`` in one .zip archive."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, arcname=f"bundle/{file.name}")


def write_warc(folder: Path, path: Path) -> None:
    """A gzipped WARC with one HTTP response per page listed in ``folder/urls.txt``."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for name, url in _urls(folder / "urls.txt"):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            payload = io.BytesIO((folder / name).read_bytes())
            writer.write_record(writer.create_warc_record(url, "response", payload=payload, http_headers=headers))


def _urls(listing: Path) -> list[tuple[str, str]]:
    lines = listing.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split()) for line in lines if line.strip() and not line.startswith("#")]  # type: ignore[misc]


def chronicle(*args: str) -> int:
    """Run one ``chronicle`` command as a user would, echoing it first; returns its exit code."""
    print(f"\n$ chronicle {' '.join(args)}", flush=True)
    code = app(args=list(args), prog_name="chronicle", standalone_mode=False)
    return code or 0


def main() -> int:
    corpus = build_corpus(demo_dir(), OUT)
    db = OUT / "demo.db"
    for stale in OUT.glob("demo.db*"):
        stale.unlink()
    code = chronicle("ingest", str(corpus), "--db", str(db))
    for command in (["articles", "-n", "30"], ["stories"], ["events", "-n", "15"], ["quotes", "-n", "10"],
                    ["errors"], ["stats"]):
        chronicle(*command, "--db", str(db))
    chronicle("export", str(OUT / "events.plover.jsonl"), "--format", "plover", "--db", str(db))
    chronicle("export", str(OUT / "events.gdelt.tsv"), "--format", "gdelt", "--db", str(db))
    dari = demo_dir() / "dari" / "kb-dari-demo.txt"
    if dari.is_file():
        chronicle("kb", "find", str(dari))  # actors and places of a Dari text, found in Persian script
    print(f"\ningest exit code {code} (3: some documents failed, as the files in corpus/bad/ should)")
    print(f"The demo database is {db}; try: chronicle search reservoir --db {db}")
    if os.environ.get("CHRONICLE_DEMO_SERVE", "1") != "0":
        print("\nServing the dashboard of the demo store at http://127.0.0.1:8000 (Ctrl-C stops; "
              "CHRONICLE_DEMO_SERVE=0 skips this)")
        chronicle("serve", "--db", str(db), "--host", "127.0.0.1", "--port", "8000")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Bounded cost on hostile input (issue #13): peak memory and time of `chronicle ingest` on
generated inputs, each run in its own process, against the limits the README names.

    python -m benchmarks.limits [--scale 1.0] [--cases html40 links1m article1m pdf5000]

- ``html40``: a 40 MB one-line HTML page of many paragraphs (refused: over ``max_html_chars``);
- ``html16``: a 16 MB one (under the limit: read in one pass over its blocks;
  ``--articles-only``, as the analysis of 15 MB of text takes what analysis takes, linearly);
- ``links1m``: a page of a million links (refused before it is parsed);
- ``links1m15``: a million links of 15 bytes (under ``max_html_chars``: parsed, then refused);
- ``article1m``: a 1 MB plain-text article (analysed in parts of ``max_analysis_chars``);
- ``pdf5000``: a 5,000-page PDF with a line of text per page.

``--scale`` shrinks every input (0.05 for a quick check). Each case reports the seconds, the
peak resident memory of the ingest process (``wait4``), what was stored and failed, and whether
it stayed within LIMITS. Inputs are written here, never taken from the web.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chronicle.store import open_store

from .long import article

MB = 1024 * 1024
# What the README promises for each case: peak memory of the ingest process and its seconds.
LIMITS = {
    "html40": {"peak_mb": 1536, "seconds": 20},
    "html16": {"peak_mb": 1536, "seconds": 60},
    "links1m": {"peak_mb": 1536, "seconds": 20},
    "links1m15": {"peak_mb": 1536, "seconds": 30},
    "article1m": {"peak_mb": 1536, "seconds": 300},
    "pdf5000": {"peak_mb": 1536, "seconds": 300},
}
CASES = ["html40", "links1m", "links1m15", "article1m", "pdf5000", "html16"]
ANALYSED = {"article1m", "pdf5000"}  # the others are ingested --articles-only: reading is their cost


def paragraphs_html(size: int) -> bytes:
    """One line of HTML of about ``size`` bytes: distinct paragraphs in one article element."""
    parts, total, i = [], 0, 0
    while total < size:
        p = (f"<p>The council met on day {i} to talk about canal number {i * 7} and the spring floods, "
             f"its head said on Monday.</p>").encode()
        parts.append(p)
        total += len(p)
        i += 1
    return b"<html><head><title>Canal</title></head><body><article>" + b"".join(parts) + b"</article></body></html>"


def links_html(count: int) -> bytes:
    links = "".join(f'<a href="/s/{i}">story {i}</a>' for i in range(count))
    return f"<html><head><title>Links</title></head><body><p>Index of stories.</p>{links}</body></html>".encode()


def short_links_html(count: int) -> bytes:
    return b"<html><body><p>Index.</p>" + b"<a href=#>x</a>" * count + b"</body></html>"


def article_text(size: int) -> bytes:
    body = article(max(200, size // 6)).body
    return body[:size].encode()


def pdf_pages(pages: int) -> bytes:
    """A PDF of ``pages`` pages with one line of Helvetica text each, written by hand."""
    objects: list[bytes] = []
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i in range(pages):
        line = f"Page {i}: the council met on day {i} to talk about canal number {i * 7} and the floods."
        stream = f"BT /F1 11 Tf 72 720 Td ({line}) Tj ET".encode()
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {5 + 2 * i} 0 R "
                       f"/Resources << /Font << /F1 3 0 R >> >> >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make(case: str, scale: float, folder: Path) -> Path:
    if case == "html40":
        path, data = folder / "page40.html", paragraphs_html(int(40 * MB * scale))
    elif case == "html16":
        path, data = folder / "page16.html", paragraphs_html(int(16 * MB * scale))
    elif case == "links1m":
        path, data = folder / "links.html", links_html(int(1_000_000 * scale))
    elif case == "links1m15":
        path, data = folder / "links15.html", short_links_html(int(1_000_000 * scale))
    elif case == "article1m":
        path, data = folder / "article.txt", article_text(int(MB * scale))
    elif case == "pdf5000":
        path, data = folder / "book.pdf", pdf_pages(max(1, int(5000 * scale)))
    else:
        raise ValueError(f"unknown case {case!r}")
    path.write_bytes(data)
    return path


def ingest(path: Path, db: Path, analyse: bool) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of `chronicle ingest PATH --db DB` in a process of its own."""
    from .scale import PeakMemory

    started = time.perf_counter()
    extra = [] if analyse else ["--articles-only"]
    # sampled, not ru_maxrss: a forked child's ru_maxrss starts from its parent's size, and under
    # `make bench` this process has grown to hundreds of MB by the time the limits run
    with PeakMemory(every=0.05) as memory:
        child = subprocess.run([sys.executable, "-m", "chronicle", "ingest", str(path), "--db", str(db), *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    return seconds, memory.worker_peak_mb(minimum_mb=0), child.returncode


def run_case(case: str, scale: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = make(case, scale, folder)
        size = path.stat().st_size
        seconds, peak, code = ingest(path, folder / "s.db", case in ANALYSED)
        with open_store(str(folder / "s.db")) as store:
            failures = [f.reason for f in store.failures()]
            stored = list(store.articles())
            parts = [a.meta.get("analysed_in_parts", 1) for a in stored]
    limit = LIMITS[case]
    row = {"input_mb": round(size / MB, 2), "analysed": case in ANALYSED, "seconds": round(seconds, 1), "peak_mb": round(peak),
           "exit_code": code, "stored": len(stored), "failures": failures[:3], "analysed_in_parts": parts[:3],
           "limits": limit, "within_limits": peak <= limit["peak_mb"] and seconds <= limit["seconds"]}
    print(f"{case:>10}: {row['input_mb']:>7} MB in, {row['seconds']:>6} s, peak {row['peak_mb']:>5} MB, "
          f"stored {len(stored)}, failed {len(failures)} {failures[:1]}, within limits {row['within_limits']}",
          flush=True)
    return row


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="input size factor (0.05: a quick check)")
    parser.add_argument("--cases", nargs="+", default=CASES, choices=sorted(LIMITS))
    args = parser.parse_args(argv)
    rows = {case: run_case(case, args.scale) for case in args.cases}
    return {"scale": args.scale, "cases": rows, "all_within_limits": all(r["within_limits"] for r in rows.values())}


if __name__ == "__main__":
    main()

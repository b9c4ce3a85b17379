"""Property-based accounting over each container (issue #13): an archive of known documents is
cut, corrupted or lengthened, ingested, and every document must come out stored or failed.

- cut: every document wholly before the cut is stored; none is stored partly; when documents
  are missing, a failure names the container, unless the format has no end marker (JSONL, CSV,
  plain WARC, a .warc.gz between members) and the cut falls between two documents, where the
  shorter file is a well-formed file;
- corrupt: no crash; when fewer documents than the archive held are stored (and their texts are
  not all in what was stored: a destroyed CSV quote joins two rows), a failure says so;
- lengthen (junk or a second copy appended): every document is still stored.

What a user sees is checked: the ingest summary, the stored articles and the stored failures.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import tarfile
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.config import Config
from chronicle.pipeline import ingest
from chronicle.store import open_store
from fixtures_bad import warc_response

N = 5
MARK = re.compile(r"zqdoc(\d+)")


def text(k: int) -> str:
    """Document k: prose with a start mark and an end mark (a document stored in part lacks it)."""
    return (f"The council of zqdoc{k} approved a plan on day {k} to repair the canal before the floods.\n"
            f"Its head said the work, paid by the province, would end within {k + 2} months, officials said.\n"
            f"Farmers of the valley welcomed the plan on Monday and said they had waited a year zqend{k}.\n")


DOCS = [text(k) for k in range(N)]


def _tar(mode: str) -> tuple[bytes, None]:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as archive:
        for k, body in enumerate(DOCS):
            data = body.encode()
            info = tarfile.TarInfo(f"news/d{k}.txt")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue(), None


def _zip() -> tuple[bytes, None]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for k, body in enumerate(DOCS):
            archive.writestr(f"news/d{k}.txt", body)
    return out.getvalue(), None


def _jsonl_rows() -> list[bytes]:
    return [(json.dumps({"id": f"r{k}", "text": body}) + "\n").encode() for k, body in enumerate(DOCS)]


def _csv_rows() -> list[bytes]:
    rows = []
    for k, body in enumerate(DOCS):
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow([f"r{k}", body])
        rows.append(out.getvalue().encode())
    return [b"id,text\n"] + rows


def _warc_records() -> list[bytes]:
    return [warc_response(f"http://a.af/{k}", f"<html><body><article><p>{body}</p></article></body></html>".encode())
            for k, body in enumerate(DOCS)]


def _joined(parts: list[bytes]) -> tuple[bytes, list[int]]:
    """The parts joined, with the offsets between them (where a cut leaves a well-formed file)."""
    bounds, at = [0], 0
    for part in parts:
        at += len(part)
        bounds.append(at)
    return b"".join(parts), bounds


# name -> (data, offsets where a cut leaves a well-formed shorter file, or None: never)
def container(name: str) -> tuple[bytes, list[int] | None]:
    if name == "d.tar.gz":
        return _tar("w:gz")
    if name == "d.tar":
        return _tar("w")
    if name == "d.zip":
        return _zip()
    if name == "d.jsonl.gz":
        return gzip.compress(b"".join(_jsonl_rows())), None
    if name == "d.jsonl":
        return _joined(_jsonl_rows())
    if name == "d.csv":
        return _joined(_csv_rows())
    if name == "d.warc":
        return _joined(_warc_records())
    if name == "d.warc.gz":
        return _joined([gzip.compress(record) for record in _warc_records()])
    raise ValueError(name)


def run(name: str, data: bytes) -> tuple[dict[int, str], list, object]:
    """Ingest ``data`` saved as ``name``: ({document k: stored body}, failures, summary)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with open_store(str(Path(folder) / "s.db")) as store:
            summary = ingest([str(path)], store, Config(), articles_only=True)
            bodies = {}
            for article in store.articles():
                for k in map(int, MARK.findall(article.body)):
                    bodies[k] = article.body
            failures = list(store.failures())
    assert summary.documents == summary.stored + summary.duplicates + summary.skipped + summary.failed
    return bodies, failures, summary


def whole(k: int, body: str) -> bool:
    return f"zqend{k}" in body


SETTINGS = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
KINDS = ["d.tar.gz", "d.tar", "d.zip", "d.jsonl.gz", "d.jsonl", "d.csv", "d.warc", "d.warc.gz"]


def check_cut(name: str, share: float) -> None:
    check_cut_at(name, int(len(container(name)[0]) * share))


def check_cut_at(name: str, cut: int) -> None:
    data, bounds = container(name)
    bodies, failures, _ = run(name, data[:cut])
    for k, body in bodies.items():
        assert whole(k, body) or (name == "d.csv" and k == max(bodies)), f"{name} cut at {cut}: d{k} stored in part"
    # a file cut inside the line end(s) closing a record is a well-formed file too
    slack = {"d.jsonl": 1, "d.csv": 1, "d.warc": 4}.get(name, 0)  # a record's own line end(s)
    between = bounds is not None and any(cut + k in bounds for k in range(slack + 1))
    if len(bodies) < N and not between:
        assert failures, f"{name} cut at {cut}/{len(data)}: {N - len(bodies)} documents lost in silence"
    if bounds is not None and not failures:  # a well-formed shorter file: what it holds is stored
        held = sum(1 for end in bounds[1:] if end <= cut) - (name == "d.csv")
        assert len(bodies) >= held, f"{name} cut at {cut}: {held} documents held, {len(bodies)} stored"


def check_corrupt(name: str, share: float, junk: bytes) -> None:
    check_corrupt_at(name, int(len(container(name)[0]) * share), junk)


def check_corrupt_at(name: str, at: int, junk: bytes) -> None:
    data, _ = container(name)
    bodies, failures, summary = run(name, data[:at] + junk + data[at + len(junk):])
    # a document is there when stored, or when its text is (a CSV quote destroyed joins two rows)
    if summary.stored + summary.duplicates < N and len(bodies) < N:
        assert failures, f"{name} corrupted at {at} with {junk!r}: documents lost in silence"


def check_lengthen(name: str, tail: bytes, again: bool) -> None:
    data, _ = container(name)
    bodies, _, _ = run(name, data + (data if again else tail))
    assert sorted(bodies) == list(range(N)) and all(whole(k, b) for k, b in bodies.items()), name


def test_the_containers_hold_every_document_whole():
    for name in KINDS:
        bodies, failures, _ = run(name, container(name)[0])
        assert sorted(bodies) == list(range(N)) and not failures, (name, failures)


@SETTINGS
@given(name=st.sampled_from(KINDS), share=st.floats(0.0, 1.0))
def test_a_cut_archive_stores_or_fails_every_document(name, share):
    check_cut(name, share)


@SETTINGS
@given(name=st.sampled_from(KINDS), share=st.floats(0.0, 1.0), junk=st.binary(min_size=1, max_size=8))
def test_a_corrupted_archive_stores_or_fails_every_document(name, share, junk):
    check_corrupt(name, share, junk)


@SETTINGS
@given(name=st.sampled_from(KINDS), tail=st.binary(max_size=64), again=st.booleans())
def test_a_lengthened_archive_still_stores_every_document(name, tail, again):
    check_lengthen(name, tail, again)


def test_every_cut_point_of_each_container_is_accounted_for():
    """Not sampled: cuts at 40 evenly spread points of every container."""
    for name in KINDS:
        for i in range(1, 40):
            check_cut(name, i / 40)


def test_the_cases_the_properties_found():
    """Each lost documents in silence before it was fixed."""
    check_cut_at("d.tar", 1024)  # a plain tar cut between members (no end-of-archive blocks)
    check_corrupt_at("d.tar.gz", 183, b"\0\0")  # a damaged member header: tarfile stops there
    check_lengthen("d.jsonl.gz", b"abc", False)  # junk after the last gzip member cost every row
    csv_bounds = container("d.csv")[1]
    check_cut_at("d.csv", csv_bounds[4] - 2)  # inside the quoted text of the last row
    warc_bounds = container("d.warc")[1]
    check_cut_at("d.warc", warc_bounds[3] + 28)  # inside a record's WARC headers ("WARC-Type: respons")
    check_cut_at("d.warc", warc_bounds[3] + 173)  # inside its HTTP headers ("Content-Type: text/htm")
    check_corrupt_at("d.warc", warc_bounds[1] + 250, b"\0")  # its "Content-Type" header name damaged
    check_corrupt_at("d.warc", warc_bounds[1] + 238, b"\0")  # its status line: "HTTP/1.1\0200 OK"
    check_corrupt_at("d.warc", 264, b"\0")  # "Content-Type: tex\0/html": now sniffed, not skipped
    check_corrupt_at("d.warc", 108, b"\0")  # "WARC-Target-URI:\0http://...": the HTTP response not read
    check_corrupt_at("d.tar.gz", 0, b"\x1f\x8b\x08\x00")  # (a batch-stopping crash when cut to these)


def test_a_csv_whose_last_row_holds_a_lone_quote_is_not_taken_for_cut():
    data = b'id,text\nr0,"' + DOCS[0].encode() + b'"\nr1,The wall stood 5" high and the council said so zqdoc1 zqend1.'
    bodies, failures, _ = run("d.csv", data)
    assert sorted(bodies) == [0, 1] and not failures

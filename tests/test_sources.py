"""Sources: every input kind yields Documents, every bad input one Failure naming it and why."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from fixtures_bad import (
    make_gzip,
    make_tar,
    make_warc_gz,
    make_zip,
    truncate,
    warc_response,
    write,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.model import Document, Failure
from chronicle.sources import SourceOptions, iter_documents
from chronicle.sources.options import human_size


def run(inputs: list[str], **options) -> list[Document | Failure]:
    return list(iter_documents(inputs, SourceOptions(**options)))


def sources(items: list[Document | Failure]) -> list[str]:
    return [item.source for item in items]


def test_folder_is_walked_sorted_recursively_without_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "a" / "z.html", "<p>z</p>")
    write(tmp_path / ".git" / "config", "hidden")
    write(tmp_path / ".DS_Store", "hidden")
    items = run([str(tmp_path)])
    assert sources(items) == [str(tmp_path / "a" / "z.html"), str(tmp_path / "b.txt")]
    assert items[1].content == b"b"


def test_glob_and_missing_inputs(tmp_path: Path) -> None:
    write(tmp_path / "one.md", "# One")
    write(tmp_path / "two.txt", "two")
    items = run([str(tmp_path / "*.md"), str(tmp_path / "nothing-*.xml"), str(tmp_path / "absent.txt")])
    assert sources(items[:1]) == [str(tmp_path / "one.md")]
    assert [type(i) for i in items[1:]] == [Failure, Failure]
    assert items[1].reason == "no file matches this pattern"
    assert items[2].reason == "no such file or directory" and items[2].stage == "source"


def test_stdin_is_one_document(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"from a pipe")))
    [doc] = run(["-"])
    assert doc.source.startswith("<stdin>:") and doc.content == b"from a pipe"


def test_stdin_as_jsonl_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"id": "s1", "text": "t"}\n')))
    [doc] = run(["-"], input_format="jsonl")
    assert doc.source == "<stdin>#s1"


def test_zip_and_tar_members_are_named_inside_the_archive(tmp_path: Path) -> None:
    members = {"news/a.html": "<p>a</p>", "news/b.txt": "b", "__MACOSX/._a.html": "junk"}
    zipped = make_zip(tmp_path / "c.zip", members)
    tarred = make_tar(tmp_path / "c.tar.gz", members)
    items = run([str(zipped), str(tarred)])
    assert sources(items) == [
        f"{zipped}!news/a.html",
        f"{zipped}!news/b.txt",
        f"{tarred}!news/a.html",
        f"{tarred}!news/b.txt",
    ]
    assert items[3].content == b"b"


def test_tar_made_from_the_current_folder_keeps_its_members(tmp_path: Path) -> None:
    tarred = make_tar(tmp_path / "dot.tar", {"./a.txt": "a", "./.hidden": "h", "./sub/b.txt": "b"})
    assert sources(run([str(tarred)])) == [f"{tarred}!./a.txt", f"{tarred}!./sub/b.txt"]


def test_gzip_single_file(tmp_path: Path) -> None:
    path = make_gzip(tmp_path / "story.html.gz", "<html><p>x</p></html>")
    [doc] = run([str(path)])
    assert doc.source == str(path) and doc.content.startswith(b"<html>")


@pytest.mark.parametrize("name, build", [("c.zip", make_zip), ("c.tar.gz", make_tar)])
def test_truncated_archive_is_one_failure(tmp_path: Path, name: str, build) -> None:
    whole = build(tmp_path / f"whole-{name}", {f"doc{i}.txt": f"text {i} " * 500 for i in range(5)})
    cut = write(tmp_path / name, truncate(whole.read_bytes(), 0.4))
    failures = [i for i in run([str(cut)]) if isinstance(i, Failure)]
    assert len(failures) == 1
    assert failures[0].source == str(cut)
    assert failures[0].reason.startswith("truncated or corrupt archive: ")


def test_truncated_gzip_is_one_failure(tmp_path: Path) -> None:
    whole = make_gzip(tmp_path / "w.txt.gz", "words and more words " * 2000)
    cut = write(tmp_path / "cut.txt.gz", truncate(whole.read_bytes()))
    [failure] = run([str(cut)])
    assert isinstance(failure, Failure) and failure.source == str(cut)
    assert failure.reason.startswith("truncated or corrupt archive: ")


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", "x" * 3000)
    write(tmp_path / "small.txt", "ok")
    big, small = run([str(tmp_path)], max_file_bytes=2048)
    assert big.reason == "file is 2.9 KB, over the 2 KB limit"
    assert small.content == b"ok"


def test_default_limit_reads_in_megabytes() -> None:
    assert SourceOptions().max_file_bytes == 50 * 1024 * 1024
    assert human_size(SourceOptions().max_file_bytes) == "50 MB"


def test_archive_expanding_past_the_limit_stops_with_one_failure(tmp_path: Path) -> None:
    members = {f"m{i}.txt": "0" * 1000 for i in range(10)}
    bomb = make_zip(tmp_path / "bomb.zip", members)
    items = run([str(bomb)], max_archive_bytes=3500)
    assert [type(i) for i in items] == [Document, Document, Document, Failure]
    assert items[-1].source == str(bomb)
    assert "archive expands past the 3.4 KB limit" in items[-1].reason


def test_archive_with_too_many_members(tmp_path: Path) -> None:
    bomb = make_tar(tmp_path / "many.tar", {f"m{i}.txt": "x" for i in range(5)})
    items = run([str(bomb)], max_archive_members=2)
    assert [type(i) for i in items] == [Document, Document, Failure]
    assert "more than 2 members" in items[-1].reason


def test_jsonl_corpus_with_fields_and_bad_rows(tmp_path: Path) -> None:
    rows = [
        {
            "doc_id": "a1",
            "body": "<html><body><p>Kabul</p></body></html>",
            "headline": "H",
            "meta": {"day": "2021-08-15"},
        },
        {"doc_id": "a2", "body": "Plain text report."},
        {"doc_id": "a3"},
    ]
    lines = [json.dumps(r) for r in rows] + ["{broken", "[1, 2]"]
    path = write(tmp_path / "c.jsonl", "\n".join(lines) + "\n")
    items = run(
        [str(path)], id_field="doc_id", text_field="body", title_field="headline", date_field="meta.day"
    )
    first, second, no_text, broken, not_object = items
    assert (first.source, first.format, first.meta) == (
        f"{path}#a1",
        "html",
        {"id": "a1", "title": "H", "date": "2021-08-15"},
    )
    assert (second.format, second.content) == ("text", b"Plain text report.")
    assert no_text.reason == "row has no text in field 'body'"
    assert broken.source == f"{path}#4" and broken.reason.startswith("invalid JSON on line 4")
    assert not_object.reason == "line 5 is not a JSON object"


def test_csv_corpus_uses_line_numbers_without_an_id(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", 'text,date,url\n"Long, quoted\nbody",2020-01-02,http://x.af/1\n')
    [doc] = run([str(path)])
    assert doc.source == f"{path}#2"
    assert doc.content == b"Long, quoted\nbody"
    assert doc.url == "http://x.af/1" and doc.meta["date"] == "2020-01-02"


def test_csv_without_the_text_column_is_one_failure(tmp_path: Path) -> None:
    path = write(tmp_path / "c.csv", "id,content\n1,a\n2,b\n")
    [failure] = run([str(path)])
    assert failure.source == str(path)
    assert failure.reason == "no column 'text' in the CSV header (set the text field)"
    assert [d.content for d in run([str(path)], text_field="content")] == [b"a", b"b"]


def test_jsonl_body_as_a_list_of_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path / "p.jsonl", json.dumps({"id": 1, "text": ["First.", "Second."]}) + "\n")
    [doc] = run([str(path)])
    assert doc.content == b"First.\nSecond."


def test_input_format_forces_corpus_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "dump.txt", '{"id": 7, "text": "seven"}\n')
    [doc] = run([str(path)], input_format="jsonl")
    assert doc.source == f"{path}#7"
    [plain] = run([str(path)], input_format="files")
    assert plain.source == str(path)


def test_warc_keeps_only_document_responses(tmp_path: Path) -> None:
    records = [
        warc_response("http://news.af/a", b"<html><body>A</body></html>", "text/html; charset=utf-8"),
        warc_response("http://news.af/logo.png", b"\x89PNG", "image/png"),
        warc_response("http://news.af/gone", b"<html>404</html>", "text/html", "404 Not Found"),
        warc_response("http://news.af/r.pdf", b"%PDF-1.4", "application/pdf"),
    ]
    path = make_warc_gz(tmp_path / "crawl.warc.gz", records)
    html, pdf = run([str(path)])
    assert html.url == "http://news.af/a" and html.format == "html"
    assert html.source.startswith(f"{path}@urn:uuid:")
    assert html.content == b"<html><body>A</body></html>"
    assert pdf.format == "pdf" and pdf.url == "http://news.af/r.pdf"


def test_truncated_warc_is_a_failure(tmp_path: Path) -> None:
    whole = make_warc_gz(tmp_path / "w.warc.gz", [warc_response("http://a/", b"<p>" + b"x" * 5000 + b"</p>")])
    cut = write(tmp_path / "cut.warc.gz", truncate(whole.read_bytes()))
    items = run([str(cut)])
    assert isinstance(items[-1], Failure) and items[-1].source == str(cut)
    assert items[-1].reason.startswith("truncated or corrupt archive")


def test_unreadable_paths_are_failures(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    dangling, pipe = run([str(tmp_path)])
    assert dangling.reason == "cannot read file: No such file or directory"
    assert pipe.reason == "not a regular file (pipe, socket or device)"


def test_documents_are_yielded_lazily(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "a")
    write(tmp_path / "b.txt", "b")
    stream = iter_documents([str(tmp_path)])
    first = next(stream)
    (tmp_path / "b.txt").write_text("changed after the first document")
    assert first.content == b"a"
    assert next(stream).content.startswith(b"changed")


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(
        ["x.zip", "x.tar.gz", "x.tar", "x.gz", "x.warc.gz", "x.warc", "x.jsonl", "x.csv", "x.json", "x.bin"]
    ),
    content=st.binary(max_size=1024),
)
def test_random_bytes_in_any_container_never_raise(name: str, content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / name, content)
        items = run([str(path)])
    assert all(isinstance(item, (Document, Failure)) for item in items)
    assert all(item.source.startswith(str(path)) for item in items)


def _valid_container(folder: Path, name: str) -> bytes:
    """A small well-formed container of the kind ``name`` says, to be damaged by the test."""
    members = {"a.txt": "alpha " * 50, "b.html": "<p>beta</p>" * 30}
    if name.endswith(".zip"):
        return make_zip(folder / name, members).read_bytes()
    if name.endswith(".tar.gz"):
        return make_tar(folder / name, members).read_bytes()
    if name.endswith(".warc.gz"):
        return make_warc_gz(
            folder / name, [warc_response(f"http://a/{k}", v.encode()) for k, v in members.items()]
        ).read_bytes()
    rows = "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in members.items())
    return make_gzip(folder / name, rows).read_bytes()


@settings(max_examples=80, deadline=None)
@given(
    name=st.sampled_from(["d.zip", "d.tar.gz", "d.warc.gz", "d.jsonl.gz"]),
    cut=st.floats(min_value=0.0, max_value=1.0),
    junk=st.binary(max_size=16),
)
def test_damaged_containers_never_raise(name: str, cut: float, junk: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = _valid_container(Path(folder), name)
        position = int(len(data) * cut)
        path = write(Path(folder) / name, data[:position] + junk + data[position + len(junk) :])
        items = run([str(path)])
    assert all(isinstance(item, (Document, Failure)) for item in items)


def test_jsonl_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.jsonl", json.dumps({"id": "big", "text": "x" * 5000}) + '\n{"id": "ok", "text": "t"}\n'
    )
    too_long, ok = run([str(path)], max_file_bytes=1024)
    assert too_long.source == f"{path}#1" and too_long.reason == "line 1 is over the 1 KB limit"
    assert ok.source == f"{path}#ok"


def test_truncated_zip_reason_says_why(tmp_path: Path) -> None:
    whole = make_zip(tmp_path / "w.zip", {"a.txt": "alpha " * 400})
    cut = write(tmp_path / "cut.zip", truncate(whole.read_bytes(), 0.8))
    [failure] = run([str(cut)])
    assert (
        failure.reason == "truncated or corrupt archive: zip directory missing at the end (file cut short?)"
    )


def test_linked_folders_are_followed_once(tmp_path: Path) -> None:
    write(tmp_path / "news" / "a.txt", "a")
    (tmp_path / "news" / "loop").symlink_to(tmp_path / "news", target_is_directory=True)
    (tmp_path / "mirror").symlink_to(tmp_path / "news", target_is_directory=True)
    assert sources(run([str(tmp_path / "news")])) == [str(tmp_path / "news" / "a.txt")]


def test_shared_aeb_pages_are_gzip_documents(shared: Path) -> None:
    folder = shared / "bench" / "aeb" / "html"
    items = run([str(folder)])
    assert len(items) == 181 and all(isinstance(item, Document) for item in items)
    assert all(item.source.endswith(".html.gz") and item.content for item in items)


def test_corpus_body_with_html_fragments_is_html(tmp_path: Path) -> None:
    rows = [{"id": "f", "text": "<p>One.</p><p>Two.</p>"}, {"id": "t", "text": "A <b>bold</b> claim, 3 < 4."}]
    path = write(tmp_path / "f.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    assert [d.format for d in run([str(path)])] == ["html", "text"]


def test_gzipped_members_of_an_archive_are_decompressed(tmp_path: Path) -> None:
    import gzip

    page = b"<html><body><p>Herat</p></body></html>"
    members = {"pages/a.html.gz": gzip.compress(page), "pages/b.html.gz": truncate(gzip.compress(page * 50))}
    good, damaged = run([str(make_zip(tmp_path / "crawl.zip", members))])
    assert good.content == page and good.source.endswith("crawl.zip!pages/a.html.gz")
    assert damaged.source.endswith("!pages/b.html.gz") and damaged.reason.startswith("truncated or corrupt")


def test_old_arc_files_are_read_like_warc(tmp_path: Path) -> None:
    header = b"1 0 Example\nURL IP-address Archive-date Content-type Archive-length\n"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>ARC page</body></html>"
    arc = b"filedesc://x.arc 0.0.0.0 20240101000000 text/plain %d\n%s\n" % (
        len(header),
        header,
    ) + b"http://a.af/p 1.2.3.4 20240101000000 text/html %d\n%s\n" % (len(http), http)
    [doc] = run([str(write(tmp_path / "old.arc", arc))])
    assert (doc.url, doc.format, doc.content) == (
        "http://a.af/p",
        "html",
        b"<html><body>ARC page</body></html>",
    )
    assert doc.source.startswith(f"{tmp_path / 'old.arc'}@")


def test_cp1256_csv_from_excel_gives_persian(tmp_path: Path) -> None:
    title, body = "گزارش كابل", "وزارت دفاع روسيه مي\u200cگويد فروش سلاح به سوريه ادامه دارد."
    path = write(tmp_path / "fa.csv", f"id,title,text\r\n1,{title},{body}\r\n".encode("cp1256"))
    [doc] = run([str(path)])
    assert doc.meta["title"] == title and doc.content.decode("utf-8") == body


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_corpus_with_a_bom(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path / "b.csv", "text,date\nکابل,2021-08-15\n".encode(encoding))
    [doc] = run([str(path)])
    assert doc.content.decode("utf-8") == "کابل" and doc.meta == {"date": "2021-08-15"}


def test_json_array_corpus(tmp_path: Path) -> None:
    items = [{"id": "j1", "text": "First."}, {"text": "Second."}, "not an object"]
    path = write(tmp_path / "dump.json", json.dumps(items))
    first, second, bad = run([str(path)])
    assert (first.source, second.source) == (f"{path}#j1", f"{path}#2")
    assert bad.reason == "item 3 is not a JSON object"
    [broken] = run([str(write(tmp_path / "broken.json", "[{"))])
    assert broken.reason.startswith("invalid JSON on line 1")
    # the reason says where: JSON's own message ("Invalid control character at") ends mid-sentence
    [control] = run([str(write(tmp_path / "control.jsonl", '{"text": "a\tb"}\n'))])
    assert control.reason == "invalid JSON on line 1: Invalid control character at column 12"
    [big] = run([str(path)], max_file_bytes=10)
    assert big.reason == "JSON file is over the 10 bytes limit (write large corpora as JSONL)"


def test_warc_record_with_a_wrong_length_is_reported_not_printed(tmp_path: Path, capsys) -> None:
    good = warc_response("http://a.af/1", b"<html><body>One</body></html>")
    bad = warc_response("http://a.af/2", b"<html><body>Two</body></html>")
    bad = bad.replace(b"Content-Length: 93", b"Content-Length: 80")  # the WARC block length, cut short
    path = write(tmp_path / "w.warc", good + bad + good)
    items = run([str(path)])
    assert isinstance(items[0], Document) and items[0].url == "http://a.af/1"
    assert items[-1].reason.endswith("WARC record(s) with a wrong Content-Length; the rest was read")
    assert capsys.readouterr().err == ""


def test_zip_member_without_a_name_is_a_failure_and_the_rest_are_read(tmp_path):
    path = tmp_path / "noname.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"nameless bytes")
        archive.writestr("ok.txt", b"The council met on Monday.")
    items = list(iter_documents([str(path)]))
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.reason for f in failures] == ["zip member has no name (damaged archive directory)"]
    assert [i.source for i in items if isinstance(i, Document)] == [f"{path}!ok.txt"]


def test_the_expected_document_count_comes_from_names_alone(tmp_path, monkeypatch):
    from chronicle.sources import expected_documents

    for name in ("a.txt", "b.html", "c.txt.gz"):
        (tmp_path / name).write_bytes(b"x")
    # no byte is read: the ETA of an ingest costs no second read of its inputs
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(AssertionError("read")))
    assert expected_documents([str(tmp_path), str(tmp_path / "missing.txt")]) == 4
    (tmp_path / "corpus.jsonl").write_text('{"text": "x"}\n')
    assert expected_documents([str(tmp_path)]) is None  # only reading a corpus would count it
    assert expected_documents(["-"]) is None

"""Hostile but fair inputs, generated here: each costs at most its own document, never the batch.

Every case checks what a user sees: the exit code, the summary, `chronicle errors`, the counts.
"""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from chronicle.cli import EXIT_SOME_FAILED, app
from chronicle.store import open_store

runner = CliRunner()
GOOD = "The district council approved a plan to repair the old canal before the spring floods, its head said.\n"


def ingest(*paths, db):
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db), "--articles-only"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def failures(db):
    with open_store(str(db)) as store:
        return {f.source: f.reason for f in store.failures()}


def stats(db):
    with open_store(str(db)) as store:
        return store.stats()


def test_a_folder_with_a_symlink_loop_costs_only_the_loop(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(GOOD)
    os.symlink(news / "loop", news / "loop")  # a link to itself
    os.symlink(news, news / "back")  # a link to its own folder
    result = ingest(news, db=tmp_path / "c.db")
    assert "Traceback" not in result.output
    assert stats(tmp_path / "c.db").articles == 1
    assert result.exit_code == EXIT_SOME_FAILED
    assert any("loop" in source for source in failures(tmp_path / "c.db"))


def test_a_file_name_that_is_not_utf8_is_kept_escaped_and_stored(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "b.txt").write_text(GOOD.replace("canal", "bridge"))
    with open(os.path.join(os.fsencode(news), b"caf\xe9.txt"), "w") as fh:
        fh.write(GOOD)
    result = ingest(news, db=tmp_path / "c.db")
    assert result.exit_code == 0, result.output
    with open_store(str(tmp_path / "c.db")) as store:
        sources = {a.source for a in store.articles()}
    assert any(s.endswith("caf\\xe9.txt") for s in sources)
    assert len(sources) == 2


def test_jsonl_title_and_id_with_a_lone_surrogate_cost_nothing(tmp_path):
    corpus = tmp_path / "c.jsonl"
    rows = [{"id": "x\ud800", "title": "T\udfff", "text": GOOD}, {"id": "ok", "text": GOOD.replace("canal", "road")}]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = ingest(corpus, db=tmp_path / "c.db")
    assert result.exit_code == 0, result.output
    assert stats(tmp_path / "c.db").articles == 2


def test_json_nested_100000_deep_is_one_failure(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    line = tmp_path / "deep.jsonl"
    line.write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + json.dumps({"text": GOOD}) + "\n")
    good = tmp_path / "good.txt"
    good.write_text(GOOD.replace("canal", "school"))
    result = ingest(deep, line, good, db=tmp_path / "c.db")
    assert result.exit_code == EXIT_SOME_FAILED
    found = failures(tmp_path / "c.db")
    assert any("deep" in reason for reason in found.values()), found
    assert stats(tmp_path / "c.db").articles == 2


def test_markup_in_a_failing_source_is_printed_as_it_is(tmp_path):
    (tmp_path / "[").mkdir()
    bad = tmp_path / "[" / "x] [bold]news.html"  # its source reads ".../[/x] [bold]news.html"
    bad.write_bytes(b"")
    result = ingest(bad, db=tmp_path / "c.db")
    assert result.exit_code == EXIT_SOME_FAILED
    assert "[/x] [bold]news.html" in result.stderr


def test_empty_corpora_and_a_header_only_csv_say_empty(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"")
    (tmp_path / "b.csv").write_bytes(b"")
    (tmp_path / "c.csv").write_text("id,text\n")
    result = ingest(tmp_path / "a.jsonl", tmp_path / "b.csv", tmp_path / "c.csv", db=tmp_path / "s.db")
    assert result.exit_code == EXIT_SOME_FAILED
    found = failures(tmp_path / "s.db")
    assert len(found) == 3 and all("empty" in reason for reason in found.values()), found
    assert "header and no rows" in found[str(tmp_path / "c.csv")]


def test_a_reused_corpus_id_gives_two_documents(tmp_path):
    corpus = tmp_path / "wire.jsonl"
    corpus.write_text(json.dumps({"id": "7", "text": GOOD}) + "\n"
                      + json.dumps({"id": "7", "text": GOOD.replace("canal", "clinic")}) + "\n")
    result = ingest(corpus, db=tmp_path / "s.db")
    assert result.exit_code == 0
    assert stats(tmp_path / "s.db").articles == 2


def test_a_csv_with_the_wrong_delimiter_says_so(tmp_path):
    corpus = tmp_path / "semi.csv"
    corpus.write_text("id;text\n1;" + GOOD)
    ingest(corpus, db=tmp_path / "s.db")
    (reason,) = failures(tmp_path / "s.db").values()
    assert "delimited" in reason


def test_each_stdin_ingest_is_its_own_document(tmp_path):
    db = tmp_path / "s.db"
    for text in (GOOD, GOOD.replace("canal", "market")):
        result = runner.invoke(app, ["ingest", "-", "--db", str(db), "--articles-only"], input=text)
        assert result.exit_code == 0
        assert "skipped" not in result.stderr.split("\n")[-3:]
    assert stats(db).articles == 2


def _tar(path, members, links=(), mode="w:gz"):
    import io
    import tarfile

    with tarfile.open(path, mode) as archive:
        for name, text in members:
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for name, kind, target in links:
            info = tarfile.TarInfo(name)
            info.type, info.linkname = kind, target
            archive.addfile(info)


def test_tar_link_members_and_zip_symlinks_are_failures(tmp_path):
    import tarfile
    import zipfile

    _tar(tmp_path / "a.tar.gz", [("one.txt", GOOD)],
         [("hard.txt", tarfile.LNKTYPE, "one.txt"), ("soft.txt", tarfile.SYMTYPE, "one.txt")])
    with zipfile.ZipFile(tmp_path / "b.zip", "w") as archive:
        archive.writestr("two.txt", GOOD.replace("canal", "well"))
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (0o120777 << 16)
        archive.writestr(link, "two.txt")
    result = ingest(tmp_path / "a.tar.gz", tmp_path / "b.zip", db=tmp_path / "s.db")
    assert result.exit_code == EXIT_SOME_FAILED
    found = failures(tmp_path / "s.db")
    assert {s.rsplit("!", 1)[1] for s in found} == {"hard.txt", "soft.txt", "link.txt"}
    assert all("link" in reason for reason in found.values())
    assert stats(tmp_path / "s.db").articles == 2


def test_a_cut_tar_gz_never_loses_its_tail_in_silence(tmp_path):
    whole = tmp_path / "whole.tar.gz"
    _tar(whole, [(f"d{i}.txt", GOOD.replace("canal", f"canal {i} " * (i + 1))) for i in range(8)])
    data = whole.read_bytes()
    for cut in range(40, len(data) - 1, max(1, len(data) // 25)):
        part = tmp_path / f"cut{cut}.tar.gz"
        part.write_bytes(data[:cut])
        db = tmp_path / f"s{cut}.db"
        result = ingest(part, db=db)
        stored = stats(db).articles
        if stored < 8:  # a document lost is said: the exit code and a failure naming the archive
            assert result.exit_code == EXIT_SOME_FAILED, cut
            assert any(source.startswith(str(part)) for source in failures(db)), cut


def _warc(path, pages):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for i, text in enumerate(pages):
            body = f"<html><body><h1>Page {i}</h1><p>{text}</p></body></html>".encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"http://example.org/{i}", "response",
                                                          payload=io.BytesIO(body), http_headers=headers))


def test_a_warc_cut_mid_record_fails_that_record_and_an_empty_warc_says_empty(tmp_path):
    whole = tmp_path / "crawl.warc"
    _warc(whole, [GOOD * 3, GOOD.replace("canal", "road") * 3])
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-200])
    (tmp_path / "empty.warc").write_bytes(b"")
    result = ingest(cut, tmp_path / "empty.warc", db=tmp_path / "s.db")
    assert result.exit_code == EXIT_SOME_FAILED
    reasons = list(failures(tmp_path / "s.db").values())
    assert any("cut short" in r for r in reasons) and any("empty WARC" in r for r in reasons), reasons
    assert stats(tmp_path / "s.db").articles == 1  # the whole first record, not the partial second


def test_a_full_ingest_after_articles_only_adds_the_analysis(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("The army attacked the rebels near the border town on Monday, officials said.\n")
    db = tmp_path / "s.db"
    assert ingest(news, db=db).exit_code == 0  # --articles-only
    with open_store(str(db)) as store:
        assert len(store.unanalysed()) == 1
    result = runner.invoke(app, ["ingest", str(news), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "analysed 1" in result.stderr
    with open_store(str(db)) as store:
        assert store.unanalysed() == []
        (article,) = store.articles()
        assert store.record(article.id).analysis is not None


@pytest.mark.parametrize("raw", ["9999-99-99", "2023-02-30", "not a date at all"])
def test_a_date_that_is_no_calendar_date_is_stored_as_null_with_the_raw_value_kept(tmp_path, raw):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "1", "text": GOOD, "date": raw}) + "\n")
    assert ingest(corpus, db=tmp_path / "s.db").exit_code == 0
    with open_store(str(tmp_path / "s.db")) as store:
        (article,) = store.articles()
    assert article.published is None
    assert article.meta["published_raw"] == raw

"""`make demo`: the demo corpus covers every format and comes out as the README says."""

from __future__ import annotations

import pytest

from chronicle import demo
from chronicle.model import Document
from chronicle.readers import read
from chronicle.sources import iter_documents
from chronicle.store import open_store


def test_generated_pdf_is_read_back_as_text(tmp_path):
    path = tmp_path / "x.pdf"
    demo.write_pdf("Water report (summary)\n\nThe canals were repaired last year.", path)
    raw = read(Document(source=str(path), content=path.read_bytes()))
    assert raw.format == "pdf" and "The canals were repaired last year." in raw.text
    assert "Water report (summary)" in raw.text


def test_built_corpus_has_every_supported_format(tmp_path):
    corpus = demo.build_corpus(demo.demo_dir(), tmp_path)
    documents = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]
    sources = " ".join(d.source for d in documents)
    for marker in (".html", ".md", ".txt", ".pdf", ".jsonl#", ".csv#", ".zip!", ".warc.gz@"):
        assert marker in sources, marker
    warc_urls = {d.url for d in documents if ".warc.gz@" in d.source}
    assert "https://news.example/2023/05/06/bakery-cooperative" in warc_urls


@pytest.mark.slow
def test_demo_ingests_everything_and_records_the_bad_files(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHRONICLE_DEMO_SERVE", "0")
    assert demo.main() == 0
    printed = capsys.readouterr().out
    assert "$ chronicle articles" in printed and "No dashboard" not in printed
    with open_store(str(tmp_path / "demo-out" / "demo.db")) as store:
        stats = store.stats()
        assert sorted(f.source.rsplit("/", 1)[-1] for f in store.failures()) == ["empty-page.html",
                                                                                "truncated-report.pdf"]
        assert stats.duplicates == 1  # the school story, once as text and once in the zip
        assert stats.events > 0 and stats.quotes > 0
        (story,) = store.stories()
        assert {store.article(a).publisher for a in story.article_ids} == {"Valley Post", "wire.example"}
        (persian,) = store.articles(language="fa")
        assert persian.published == "2023-04-18"  # 29 Hamal 1402
        masthead = [a for a in store.articles() if "sada-e-dara" in a.source]
        assert len(masthead) == 3
        assert all("صدای دره" not in a.body and "BB-BB" not in a.body for a in masthead)
        assert len(store.search("کتابخانه")) == 1

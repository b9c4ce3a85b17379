"""The benchmark inputs we write ourselves: typed sentences and long articles."""

from __future__ import annotations

from benchmarks.long import article
from benchmarks.typed import BATCHES, load

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_typed_batches_cover_every_plover_type_with_distinct_sentences():
    seen: set[str] = set()
    for path in BATCHES.values():
        date, items = load(path)
        assert len(date) == 10 and {t for t, _ in items} == PLOVER_TYPES
        sentences = [s for _, s in items]
        assert not seen & set(sentences) and len(set(sentences)) == len(sentences)
        seen |= set(sentences)


def test_long_article_has_the_words_asked_for_in_paragraphs():
    body = article(3000).body
    assert 3000 <= len(body.split()) < 3100
    assert body.count("\n\n") >= 3000 // 100


def test_limits_bench_inputs_are_what_they_say():
    from benchmarks.limits import links_html, paragraphs_html, pdf_pages
    from chronicle.model import Document
    from chronicle.readers import read

    assert 100_000 <= len(paragraphs_html(100_000)) < 101_000
    assert links_html(1000).count(b"<a ") == 1000
    raw = read(Document(source="book.pdf", content=pdf_pages(3)))
    assert [f"Page {i}:" in raw.text for i in range(3)] == [True] * 3


def test_serve_benchmark_store_has_the_events_asked_for_and_every_type(tmp_path):
    from benchmarks.serve import TYPES, generate
    from chronicle.store import EventQuery, open_store

    db = str(tmp_path / "bench.db")
    assert generate(db, 120) == 120
    with open_store(db) as store:
        assert store.stats().events == 120 and store.stats().articles == 3
        rows = store.event_page(EventQuery(), limit=200)
        assert {r.event.type for r in rows} <= {t for t, _, _ in TYPES} and len({r.event.type for r in rows}) > 8
        for r in rows[:20]:  # offsets point at the text they name
            body = store.article(r.article_id).body
            assert body[r.event.start:r.event.end] == r.event.sentence
            assert body[r.event.source.start:r.event.source.end] == r.event.source.text


def test_serve_benchmark_measures_a_running_server(tmp_path):
    from benchmarks.serve import generate, serve_and_load

    db = str(tmp_path / "bench.db")
    generate(db, 200)
    figures = serve_and_load(db, clients=2, requests=8, workers=2, warmup=4)  # chronicle serve --workers 2
    assert figures["errors"] == 0
    assert figures["events"]["requests"] == 8 and figures["aggregates"]["requests"] == 8
    # the warm-up's requests are reported apart, never among the figures
    assert figures["warmup"]["events"]["requests"] == 4 and figures["warmup"]["aggregates"]["requests"] == 4
    assert figures["events"]["median_ms"] > 0 and figures["events"]["p95_ms"] >= figures["events"]["median_ms"]

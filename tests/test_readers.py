"""Readers: the dispatcher picks the right reader, decodes any encoding, and refuses bad input
with one clear ReaderError naming the file."""

from __future__ import annotations

import pytest
from fixtures_bad import encrypt_pdf, make_pdf, truncate

from chronicle.errors import ReaderError
from chronicle.model import Document
from chronicle.readers import choose_format, read
from chronicle.readers.encoding import decode
from chronicle.readers.pdf import logical_line, logical_text, read_pdf, reverse_line
from chronicle.readers.sniff import binary_kind, sniff_format
from chronicle.readers.text import read_text

# A short Persian news line of our own, spelled with the Arabic yeh/kaf that cp1256 can encode.
PERSIAN = "وزارت دفاع روسيه مي\u200cگويد فروش سلاح به سوريه ادامه دارد."
LATIN1 = "Le ministre a déclaré à Genève : « Ça suffit », señor Müller."


def reason_of(document: Document) -> str:
    with pytest.raises(ReaderError) as caught:
        read(document)
    assert caught.value.source == document.source
    return caught.value.reason


# ------------------------------------------------------------------ choosing the reader


@pytest.mark.parametrize(
    "source, content, expected",
    [
        ("a/story.txt", b"# Not markdown: the name says text", "text"),
        ("archive.zip!news/b.md", b"plain words", "markdown"),
        ("s.html.gz", b"no tags at all", "html"),
        ("noext", b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("noext", b"# Heading\n\nSee [the report](http://x.af).", "markdown"),
        ("noext", b"Just a line of prose.", "text"),
        ("wrong-name.html", make_pdf(["pdf inside"]), "pdf"),
        ("error-page.pdf", b"<html><body>Not found</body></html>", "html"),
    ],
)
def test_format_by_extension_then_sniffing(source: str, content: bytes, expected: str) -> None:
    assert choose_format(Document(source=source, content=content)) == expected


def test_document_format_beats_extension() -> None:
    assert choose_format(Document(source="c.jsonl#1", content=b"x", format="html")) == "html"


def test_unknown_format_hint_is_refused() -> None:
    assert reason_of(Document(source="d", content=b"x", format="docx")) == "no reader for format 'docx'"


def test_corpus_fields_fill_the_raw_article() -> None:
    meta = {"id": "7", "title": "A title", "date": "2021-08-15", "publisher": "Pajhwok"}
    raw = read(
        Document(source="c.jsonl#7", content=b"Body line.", format="text", url="http://p.af/7", meta=meta)
    )
    assert (raw.title, raw.published, raw.publisher, raw.url) == (
        "A title",
        "2021-08-15",
        "Pajhwok",
        "http://p.af/7",
    )


# ------------------------------------------------------------------ bad input


def test_empty_and_blank_files() -> None:
    assert reason_of(Document(source="empty.txt", content=b"")) == "empty file"
    assert reason_of(Document(source="blank.md", content=b" \n\t\r\n")) == "empty file"


@pytest.mark.parametrize(
    "content, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP archive or Office file"),
        (bytes(range(256)) * 8, "unknown binary data"),
    ],
)
def test_binary_junk_is_named(content: bytes, kind: str) -> None:
    reason = reason_of(Document(source="junk.txt", content=content))
    assert reason == f"binary data, not a document (looks like {kind})"


def test_text_starting_like_a_signature_is_still_text() -> None:
    assert binary_kind(b"MZ Ahmadi said the road was open.") is None


def test_html_reader_errors_pass_through(monkeypatch: pytest.MonkeyPatch) -> None:
    import chronicle.readers.html as html

    def no_article(document: Document, limits=None):
        raise ReaderError(document.source, "no article text found in HTML")

    monkeypatch.setattr(html, "read_html", no_article)
    page = b"<html><head><script>var a=1;</script></head><body><nav>Home</nav></body></html>"
    assert reason_of(Document(source="nav.html", content=page)) == "no article text found in HTML"


def test_html_page_of_scripts_and_navigation_fails_with_the_html_readers_reason() -> None:
    page = (
        b"<html><head><script>var a = 1;</script></head>"
        b"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"
    )
    with pytest.raises(ReaderError) as caught:
        read(Document(source="nav.html", content=page))
    assert caught.value.source == "nav.html" and caught.value.stage == "reader"


# ------------------------------------------------------------------ encodings


def test_cp1256_persian_decodes_to_persian() -> None:
    assert decode(PERSIAN.encode("cp1256"), "fa.txt") == PERSIAN


def test_latin1_and_cp1252_decode() -> None:
    assert decode(LATIN1.encode("latin-1"), "fr.txt") == LATIN1
    assert decode("“Quoted” – résumé".encode("cp1252"), "q.txt") == "“Quoted” – résumé"


def test_cp1251_russian_decodes() -> None:
    text = "Министерство обороны России заявило"
    assert decode(text.encode("cp1251"), "ru.txt") == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-32"])
def test_unicode_encodings_with_bom_or_without(encoding: str) -> None:
    text = "Kabul, کابل, 2021"
    assert decode(text.encode(encoding), "u.txt") == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_persian_utf16_without_bom_is_text_not_binary(encoding: str) -> None:
    raw = read(Document(source="fa.txt", content=PERSIAN.encode(encoding)))
    assert raw.text == PERSIAN


def test_mostly_utf8_with_a_stray_byte_stays_utf8() -> None:
    content = ("سلام دنیا " * 20).encode("utf-8") + b"\xff end"
    assert decode(content, "m.txt").startswith("سلام دنیا")


def test_text_reader_keeps_lines_and_leaves_title_alone() -> None:
    raw = read_text(Document(source="t.txt", content=PERSIAN.encode("cp1256") + b"\r\n\r\nSecond line\r\n"))
    assert raw.text == f"{PERSIAN}\n\nSecond line"
    assert raw.title is None and raw.format == "text"


# ------------------------------------------------------------------ PDF


def test_pdf_text_is_extracted() -> None:
    raw = read(Document(source="r.pdf", content=make_pdf(["Kabul, 14 March", "Second line"])))
    assert raw.format == "pdf"
    assert raw.text == "Kabul, 14 March\nSecond line"


def test_pdf_presentation_forms_become_letters_and_reversed_lines_are_fixed() -> None:
    # Written in logical order with shaped glyphs; pypdf then returns the line backwards.
    shaped = "ﺭﻭﺳﯿﻪ ﺩﺭ ﺳﺎﻝ 2012 ﺑﺎ NATO"
    raw = read_pdf(Document(source="fa.pdf", content=make_pdf([shaped, "ﮐﺎﺑﻞ (ﺍﻓﻐﺎﻧﺴﺘﺎﻥ)"])))
    assert raw.text.split("\n") == ["روسیه در سال 2012 با NATO", "کابل (افغانستان)"]


def test_pdf_line_already_in_logical_order_is_kept() -> None:
    # Written in visual order (as renderers draw it); pypdf gives it back in logical order.
    visual = "ﺎﯿﻧﺩ ﻡﻼﺳ"
    raw = read_pdf(Document(source="ok.pdf", content=make_pdf([visual])))
    assert raw.text == "سلام دنیا"


def test_pdf_visual_order_line_with_latin_runs_gets_its_runs_reordered() -> None:
    # Drawn left to right as displayed; pypdf fixes each Arabic run but keeps the runs left to right.
    visual = ["NATO ﺎﺑ 2012 ﻝﺎﺳ ﺭﺩ ﻪﯿﺳﻭﺭ", "20120314 ﺦﯾﺭﺎﺗ"]
    raw = read_pdf(Document(source="mixed.pdf", content=make_pdf([*visual, "Report 2012 for NATO"])))
    assert raw.text.split("\n") == ["روسیه در سال 2012 با NATO", "تاریخ 20120314", "Report 2012 for NATO"]


def test_mostly_latin_line_with_one_persian_word_is_left_alone() -> None:
    assert logical_line("The word ﺳﻼﻡ means peace") == "The word ﺳﻼﻡ means peace"


def test_reversed_plain_letters_are_detected_by_word_patterns() -> None:
    logical = "وزارت دفاع روسيه مي\u200cگويد"
    assert logical_line(logical) == logical
    assert logical_line(logical[::-1]) == logical


def test_reverse_line_keeps_latin_and_digit_runs() -> None:
    assert reverse_line("ﺎﺑ NATO 2012 ﻝﺎﺳ") == "ﺑﺎ NATO 2012 ﺳﺎﻝ"


def test_latin_pdf_lines_are_never_reversed() -> None:
    assert logical_text("Final text, with (brackets).") == "Final text, with (brackets)."


def test_truncated_pdf() -> None:
    reason = reason_of(Document(source="cut.pdf", content=truncate(make_pdf(["Some text"] * 20))))
    assert reason.startswith("PDF is truncated or corrupt: ")


def test_pdf_with_broken_body_but_an_eof_marker() -> None:
    reason = reason_of(Document(source="bad.pdf", content=b"%PDF-1.7\n1 0 obj << /Type /Catalog\n%%EOF\n"))
    assert reason.startswith("PDF is truncated or corrupt: ")


def test_pdf_without_text_layer() -> None:
    reason = reason_of(Document(source="scan.pdf", content=make_pdf(["unused"], with_text=False)))
    assert reason == "PDF has no text layer (scanned?)"


def test_pdf_locked_with_a_user_password() -> None:
    locked = encrypt_pdf(make_pdf(["Secret text"]), user_password="secret")
    assert reason_of(Document(source="locked.pdf", content=locked)) == "PDF is encrypted with a password"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_owner_password_only_is_read(algorithm: str) -> None:
    pdf = encrypt_pdf(make_pdf(["Printable text"]), user_password="", algorithm=algorithm)
    assert read(Document(source="owner.pdf", content=pdf)).text == "Printable text"


def test_pdf_reader_refuses_non_pdf_bytes() -> None:
    with pytest.raises(ReaderError, match="no %PDF header"):
        read_pdf(Document(source="x.pdf", content=b"plain"))


def test_sniff_pdf_signature_after_leading_junk() -> None:
    assert sniff_format(b"\r\n  %PDF-1.4 ...") == "pdf"


# ------------------------------------------------------------------ real documents (../shared)


def test_shared_pdf_manual_reads_as_text(shared) -> None:
    path = shared / "ontology" / "PLOVER_MANUAL.pdf"
    raw = read(Document(source=str(path), content=path.read_bytes()))
    assert raw.format == "pdf"
    assert raw.text.startswith("PLOVER\nPolitical Language Ontology for Verifiable Event Records")
    assert "ASSAULT" in raw.text


def test_shared_seed_is_read_as_markdown(seed_path) -> None:
    assert choose_format(Document(source=str(seed_path), content=seed_path.read_bytes())) == "markdown"
    assert sniff_format(seed_path.read_bytes()) == "markdown"

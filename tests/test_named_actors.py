"""A Dari or Pashto article's record lists who and where it is about, found by name in Persian
script, with offsets into its body, though its events are not coded."""

import json

from typer.testing import CliRunner

from chronicle.cli import app

DARI = ("اشرف غنی، رئیس جمهور پیشین افغانستان، روز دوشنبه در کابل با خبرنگاران صحبت کرد. "
        "او گفت که وضعیت امنیتی در ولایت هلمند نگران کننده است و مردم به کمک نیاز دارند.\n\n"
        "عباس عراقچی، وزیر خارجه ایران، هفته گذشته به هرات سفر کرده بود.\n")


def test_a_dari_article_lists_its_actors_and_places_with_offsets(tmp_path):
    path = tmp_path / "dari.txt"
    path.write_text(DARI, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path)], catch_exceptions=False)
    (record,) = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert record["language"] in ("fa", "prs") and record["events"] == []
    assert "found by name" in record["analysis_skipped"]
    body = record["body"]
    named = {a["name"]: a for a in record["actors"]}
    ghani, kabul = named["Ashraf Ghani"], named["Kabul"]
    assert (ghani["country"], ghani["kind"]) == ("AFG", "named") and kabul["kind"] == "place"
    for actor in (ghani, kabul):
        for m in actor["mentions"]:
            assert body[m["start"]:m["end"]] == m["text"]
    assert body[ghani["mentions"][0]["start"]:ghani["mentions"][0]["end"]] == "اشرف غنی"

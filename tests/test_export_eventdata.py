"""`chronicle export`: event-data formats a researcher loads elsewhere (PLOVER, GDELT, ACLED)."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.export.eventdata import GDELT_COLUMNS, GDELT_MENTION_COLUMNS
from chronicle.data import read_text

runner = CliRunner()
# our own sentences: a dyadic accusation and an attack with a place and casualties
NEWS = {
    "a.txt": "Moscow, March 11, 2024\n\nRussia accused Ukraine of shelling the city on Monday, the foreign ministry said.\n",
    "b.txt": "Kabul, March 10, 2024\n\nAfghan troops attacked Taliban fighters in Kandahar on Sunday, killing 12 of them.\n",
    "c.txt": "March 12, 2024\n\nPolice arrested six protesters outside the courthouse on Tuesday, a spokesman said.\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    for name, text in NEWS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = str(tmp_path_factory.mktemp("store") / "c.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", db], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return db


def export(store, tmp_path, fmt, *extra):
    out = tmp_path / f"events.{fmt}"
    result = runner.invoke(app, ["export", str(out), "--format", fmt, "--db", store, *extra], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return out


def events_count(store):
    result = runner.invoke(app, ["events", "--db", store, "--format", "jsonl"], catch_exceptions=False)
    return len(result.stdout.splitlines())


def test_gdelt_export_has_the_61_columns_and_loads_with_gdelt_names(store, tmp_path):
    pandas = pytest.importorskip("pandas")
    out = export(store, tmp_path, "gdelt")
    table = pandas.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype={"EventCode": str, "EventRootCode": str})
    assert len(GDELT_COLUMNS) == 61 and len(table) == events_count(store) >= 2
    accuse = table[table.Actor1CountryCode == "RUS"].iloc[0]
    assert accuse.Actor2CountryCode == "UKR" and accuse.QuadClass == 3 and accuse.EventRootCode.startswith("1")
    assert accuse.GoldsteinScale < 0 and accuse.Day >= 19000101
    mentions = pandas.read_csv(str(out) + ".mentions", sep="\t", header=None, names=GDELT_MENTION_COLUMNS)
    assert set(mentions.GlobalEventID) == set(table.GlobalEventID)


def test_plover_records_validate_against_the_schema(store, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(read_text("export", "plover.schema.json"))
    out = export(store, tmp_path, "plover")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == events_count(store)
    for record in records:
        jsonschema.validate(record, schema)
    types = {r["event"][0] for r in records}
    assert "ACCUSE" in types and "ASSAULT" in types
    attack = next(r for r in records if r["event"] == ["ASSAULT"])
    assert attack["event_text"][0].startswith("Afghan troops attacked")


def test_an_actor_of_no_known_country_exports_its_sector_and_no_country(store, tmp_path):
    out = export(store, tmp_path, "plover")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    arrest = next(r for r in records if r["event"] == ["COERCE"])
    assert arrest["actor"] == [{"sector": "COP", "entity_text": "Police"}]


def test_a_record_missing_its_actor_fails_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(read_text("export", "plover.schema.json"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"id": "x", "date": "2024-01-01", "event": ["ACCUSE"]}, schema)


def test_acled_rows_carry_the_sentence_and_fatalities(store, tmp_path):
    out = export(store, tmp_path, "acled")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    attack = next(r for r in rows if r["notes"].startswith("Afghan troops"))
    assert attack["event_type"] and attack["fatalities"] == "12" and attack["event_date"]


def test_monadic_gives_one_row_per_actor_and_parquet_reads_back(store, tmp_path):
    pyarrow = pytest.importorskip("pyarrow.parquet")
    dyadic = pyarrow.read_table(export(store, tmp_path, "parquet"))
    monadic = [json.loads(x) for x in export(store, tmp_path, "jsonl", "--monadic").read_text().splitlines()]
    assert dyadic.num_rows == events_count(store)
    with_target = sum(1 for t in dyadic.column("target").to_pylist() if t)
    with_source = sum(1 for s in dyadic.column("source").to_pylist() if s)
    assert len(monadic) == with_source + with_target
    assert {r["role"] for r in monadic} == {"source", "target"}


def test_filters_apply_to_exports(store, tmp_path):
    out = export(store, tmp_path, "plover", "--country", "AFG")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all("Afghan" in r["event_text"][0] for r in records)


def test_unknown_format_and_folder_output_are_one_line_errors(store, tmp_path):
    bad = runner.invoke(app, ["export", str(tmp_path / "x"), "--format", "xml", "--db", store])
    assert bad.exit_code != 0 and "unknown format" in bad.stderr
    folder = runner.invoke(app, ["export", str(tmp_path), "--format", "plover", "--db", store])
    assert folder.exit_code == 1 and "folder" in folder.stderr


@pytest.mark.parametrize("by", ["month", "publisher"])
def test_partitioned_parquet_reads_back_as_one_dataset(store, tmp_path, by):
    pandas = pytest.importorskip("pandas")
    import pyarrow.dataset as ds

    out = tmp_path / "events"
    result = runner.invoke(app, ["export", str(out), "--format", "parquet", "--partition-by", by, "--db", store],
                           catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    folders = sorted(p.name for p in out.iterdir())
    assert folders and all(name.startswith(f"{by}=") for name in folders)
    dataset = ds.dataset(str(out), format="parquet", partitioning="hive")
    assert dataset.count_rows() == events_count(store) >= 2
    table = pandas.read_parquet(out)
    assert len(table) == events_count(store) and by in table.columns
    if by == "month":
        assert set(table["month"].astype(str)) == {"2024-03"}
        assert "month=2024-03" in folders


def test_partitioned_export_wants_parquet_and_an_empty_folder(store, tmp_path):
    result = runner.invoke(app, ["export", str(tmp_path / "x"), "--format", "csv", "--partition-by", "month", "--db", store])
    assert result.exit_code == 2 and "parquet" in result.output
    result = runner.invoke(app, ["export", str(tmp_path / "x"), "--format", "parquet", "--partition-by", "day", "--db", store])
    assert result.exit_code == 2 and "month or publisher" in result.output
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "old.parquet").write_bytes(b"")
    result = runner.invoke(app, ["export", str(tmp_path / "full"), "--format", "parquet", "--partition-by", "month",
                                 "--db", store])
    assert result.exit_code != 0 and "not an empty folder" in result.output

"""`chronicle kb ...`: build, lookup, stats, eval of the actor knowledge base."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

kb_app = typer.Typer(help="The actor knowledge base (people, organisations; offline).", no_args_is_help=True)
PathOption = typer.Option(None, "--kb", help="KB file (default: $CHRONICLE_KB or the user cache).")


def _open(path: Optional[Path]):
    from chronicle.kb import KnowledgeBase, default_path

    if path is None:
        return KnowledgeBase.default() if not default_path().exists() else KnowledgeBase.open(default_path())
    return KnowledgeBase.open(path)


@kb_app.command("build")
def build(path: Optional[Path] = PathOption,
          wikidata: Optional[Path] = typer.Option(None, "--wikidata", help="A Wikidata JSON dump (.json, .json.gz or .json.bz2), streamed in two passes."),
          ) -> None:
    """Build the shipped KB (Chronicle lexicons + CIA World Factbook, about a second), or with
    --wikidata the shipped KB plus the dump's people and organisations."""
    from chronicle.kb import default_path
    from chronicle.kb.build import build_shipped

    if wikidata is not None:
        from chronicle.kb.wikidata import build_wikidata

        if not wikidata.is_file():
            raise typer.BadParameter(f"{wikidata}: no such file")
        try:
            stats = build_wikidata(wikidata, path or default_path())
        except (ValueError, OSError) as exc:  # a dump that cannot be read: one line, no traceback
            typer.echo(f"kb build: {exc}", err=True)
            raise typer.Exit(1)
    else:
        stats = build_shipped(path or default_path())
    typer.echo(json.dumps(stats, indent=1, ensure_ascii=False))


@kb_app.command("import")
def import_(files: list[Path] = typer.Argument(..., help="PETRARCH/Phoenix .actors files, Chronicle YAML dictionaries, "
                                                       "or OpenSanctions/FollowTheMoney entity files (.json lines)."),
            path: Optional[Path] = PathOption) -> None:
    """Add dictionary actors (with dated codes as dated roles), or the office holders and bodies of
    an OpenSanctions-style person/position file (its licence shown), to the KB."""
    from chronicle.kb import default_path
    from chronicle.kb.imports import import_dictionaries
    from chronicle.kb.sanctions import import_sanctions, is_sanctions_file

    _open(path)  # builds the shipped KB first when there is none yet
    for f in files:
        if not f.is_file():
            raise typer.BadParameter(f"{f}: no such file")
    sanctions = [f for f in files if is_sanctions_file(f)]
    dictionaries = [f for f in files if f not in sanctions]
    report: dict = {}
    for f in sanctions:
        counts = import_sanctions(path or default_path(), f)
        typer.echo(f"{f}: {counts['licence']}", err=True)
        report[str(f)] = counts
    if dictionaries:
        report.update(import_dictionaries(path or default_path(), dictionaries))
    typer.echo(json.dumps(report, indent=1, ensure_ascii=False))


@kb_app.command("lookup")
def lookup(name: str, date: Optional[str] = typer.Option(None, "--date", help="ISO date (roles held then)."),
           path: Optional[Path] = PathOption) -> None:
    """What the KB knows of NAME."""
    kb = _open(path)
    hits = kb.lookup(name, date)
    if kb.is_non_actor(name):
        typer.echo(f"{name!r}: no actor (data/kb/non_actors.yaml)")
    if not hits:
        typer.echo(f"{name!r}: unknown")
        raise typer.Exit(1)
    for e in hits:
        typer.echo(json.dumps(e.to_json(), ensure_ascii=False))


@kb_app.command("stats")
def stats(path: Optional[Path] = PathOption) -> None:
    """Counts by kind, source and sector."""
    typer.echo(json.dumps(_open(path).stats(), indent=1, ensure_ascii=False))


@kb_app.command("eval")
def evaluate(gold: Optional[Path] = typer.Argument(None, help="Actor strings (default: data/eval/actor_strings.yaml)."),
             path: Optional[Path] = PathOption,
             errors: bool = typer.Option(False, "--errors", help="List the misses.")) -> None:
    """Score context-free actor strings: country and sector accuracy, per split."""
    from chronicle.kb.evaluate import score

    report = score(_open(path), gold)
    for split, r in report["splits"].items():
        typer.echo(f"{split:8s} n={r['n']:4d}  country={r['country']:.3f}  sector={r['sector']:.3f}")
    if errors:
        for m in report["misses"]:
            typer.echo(json.dumps(m, ensure_ascii=False))


@kb_app.command("find")
def find(file: Path = typer.Argument(..., help="A text file (e.g. a Dari or Pashto article)."),
         date: Optional[str] = typer.Option(None, "--date", help="ISO date (roles held then)."),
         path: Optional[Path] = PathOption) -> None:
    """Actors and places named in FILE (KB and gazetteer labels, any script), with offsets, as JSONL."""
    from dataclasses import asdict

    from chronicle.kb.places import find_in_text

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(f"{file}: {exc}") from exc
    for found in find_in_text(text, _open(path), date=date):
        typer.echo(json.dumps(asdict(found), ensure_ascii=False))

"""``chronicle serve`` under load: a generated store of N events (1,000,000 by default), 20 concurrent
clients on filtered ``/events`` pages and on the aggregates (``/timeline``, ``/facets``); median and
p95 latency per kind, against the targets (p95 <= 100 ms for event pages, <= 300 ms for aggregates).
The server reads the store into memory as it starts (``chronicle serve --prewarm``, the default;
on PostgreSQL through pg_prewarm, which the benchmark installs in its database), then answers a
warm-up of other queries (``--warmup`` of each kind, another seed), as a server that has been up
a while; the warm-up's own latencies are reported beside the figures.

    python -m benchmarks.serve [--events N] [--clients 20] [--requests 1000] [--warmup 200] [--backend sqlite|postgres|both] [--workers N]

The store is written by the generator below (articles of 50 events each, over three years, 60
countries, every PLOVER type), once per size, and kept in bench-results/ for the next run; the server
is a real ``chronicle serve`` process on a free port. PostgreSQL runs when CHRONICLE_PG_DSN is set.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from chronicle.model import Actor, Analysis, Article, Event, Location, Mention, Record
from chronicle.store import open_store

EVENTS_PER_ARTICLE = 50
COUNTRIES = ["AFG", "IRN", "IRQ", "SYR", "RUS", "UKR", "USA", "CHN", "TUR", "ISR", "PSE", "LBN", "EGY", "SAU", "YEM",
             "PAK", "IND", "GBR", "FRA", "DEU", "JPN", "KOR", "PRK", "NGA", "ETH", "SDN", "SSD", "SOM", "KEN", "COD",
             "MLI", "NER", "LBY", "TUN", "DZA", "MAR", "JOR", "QAT", "ARE", "OMN", "AZE", "ARM", "GEO", "BLR", "POL",
             "MMR", "THA", "PHL", "IDN", "VEN", "COL", "MEX", "BRA", "ARG", "CUB", "HTI", "SRB", "BIH", "KAZ", "UZB"]
SECTORS = ["GOV", "MIL", "REB", "OPP", "CVL", "BUS", "MED", "JUD"]
TYPES = [("AGREE", "057", "agreed with"), ("CONSULT", "040", "met"), ("SUPPORT", "051", "praised"),
         ("CONCEDE", "080", "yielded to"), ("COOPERATE", "061", "cooperated with"), ("AID", "073", "sent aid to"),
         ("RETREAT", "087", "withdrew from"), ("REQUEST", "100", "urged"), ("ACCUSE", "112", "accused"),
         ("REJECT", "120", "rejected"), ("THREATEN", "130", "threatened"), ("PROTEST", "140", "protested against"),
         ("SANCTION", "163", "sanctioned"), ("MOBILIZE", "150", "mobilised against"), ("COERCE", "170", "detained"),
         ("ASSAULT", "190", "attacked")]
START = date(2020, 1, 1)
DAYS = 3 * 365
TARGETS_MS = {"events": 100.0, "aggregates": 300.0}


def generate(target: str, n_events: int, seed: int = 7) -> int:
    """Write ``n_events`` generated events (in articles of EVENTS_PER_ARTICLE) into the store."""
    rng = random.Random(seed)
    written = 0
    with open_store(target, story_threshold=0.9) as store:
        n = 0
        while written < n_events:
            record = _article(rng, n, min(EVENTS_PER_ARTICLE, n_events - written))
            store.add_record(record)
            written += len(record.analysis.events)
            n += 1
        store.refresh_statistics()  # as an ingest ends: a store just filled has no statistics yet
    return written


def _article(rng: random.Random, n: int, count: int) -> Record:
    day = START + timedelta(days=rng.randrange(DAYS))
    sentences, sides = [], []
    for k in range(count):
        a, b = rng.sample(COUNTRIES, 2)
        sa, sb = rng.choice(SECTORS), rng.choice(SECTORS)
        plover, cameo, verb = rng.choice(TYPES)
        sentence = f"The {a} {sa.lower()} {verb} the {b} {sb.lower()} in report {n} item {k}."
        sentences.append(sentence)
        sides.append((a, sa, b, sb, plover, cameo, verb))
    body = " ".join(sentences)
    article_id = hashlib.sha256(body.encode()).hexdigest()[:32]
    article = Article(id=article_id, source=f"bench/{n}.txt", body=body, publisher=f"publisher {n % 25}",
                      title=f"Report {n}", published=day.isoformat(), language="en")
    events, actors, offset = [], {}, 0
    for k, (sentence, (a, sa, b, sb, plover, cameo, verb)) in enumerate(zip(sentences, sides)):
        src_text, tgt_text = f"{a} {sa.lower()}", f"{b} {sb.lower()}"
        s_start = offset + sentence.index(src_text)
        t_start = offset + sentence.index(tgt_text, len(src_text) + 4)
        src = Mention(src_text, s_start, s_start + len(src_text), code=a + sa, country=a, sector=sa, name=src_text)
        tgt = Mention(tgt_text, t_start, t_start + len(tgt_text), code=b + sb, country=b, sector=sb, name=tgt_text)
        trigger_start = offset + sentence.index(verb)
        place = Location(f"a town in {b}", b, rng.uniform(-50, 60), rng.uniform(-120, 140)) if k % 3 == 0 else None
        events.append(Event(id=f"{article_id[:16]}-e{k + 1}", type=plover, trigger=verb.split()[0], sentence=sentence,
                            start=offset, end=offset + len(sentence), source=src, target=tgt, cameo=cameo,
                            trigger_start=trigger_start, trigger_end=trigger_start + len(verb.split()[0]),
                            date=(START + timedelta(days=rng.randrange(DAYS))).isoformat(),
                            confidence=round(rng.uniform(0.3, 1.0), 2), location=place))
        for m in (src, tgt):
            actors.setdefault(m.code, Actor(id=f"A{len(actors) + 1}", code=m.code, name=m.name, country=m.country,
                                            sector=m.sector))
        offset += len(sentence) + 1
    return Record(article, Analysis(article_id, "en", actors=list(actors.values()), events=events))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _queries(rng: random.Random, kind: str) -> dict:
    if kind == "events":
        choice = rng.randrange(8)
        a, b = rng.sample(COUNTRIES, 2)
        day = START + timedelta(days=rng.randrange(DAYS - 60))
        return [
            {"actor": a}, {"type": rng.choice(TYPES)[0]}, {"country": a, "quad": rng.randint(1, 4)},
            {"dyad": f"{a},{b}"}, {"since": day.isoformat(), "until": (day + timedelta(days=30)).isoformat()},
            {"min_confidence": 0.9, "type": rng.choice(TYPES)[0]}, {"sector": rng.choice(SECTORS), "quad": 4},
            {"cameo": "19"},
        ][choice] | {"limit": 50}
    choice = rng.randrange(4)
    return [{"path": "/timeline", "interval": "day"}, {"path": "/timeline", "interval": "week", "by": "type"},
            {"path": "/timeline", "interval": "month", "actor": rng.choice(COUNTRIES)},
            {"path": "/facets", "type": rng.choice(TYPES)[0]}][choice]


def load(base: str, clients: int, requests: int, seed: int = 11) -> dict:
    """``requests`` of each kind spread over ``clients`` threads; latency figures per kind.

    Each client keeps one keep-alive connection (``http.client``: the cheapest client the standard
    library has, since it shares the server's cores) and reads only what it needs of an answer.
    ``client_cpu_s`` is the CPU this process spent sending and reading, so it can be told apart
    from what the server spent."""
    latencies: dict[str, list[float]] = {"events": [], "aggregates": []}
    errors: list[str] = []
    lock = threading.Lock()
    host, port = urlsplit(base).hostname, urlsplit(base).port

    def client(number: int) -> None:
        rng = random.Random(seed + number)
        http = HTTPConnection(host, port, timeout=120)
        try:
            for i in range(requests // clients):
                for kind in ("events", "aggregates"):
                    params = _queries(rng, kind)
                    path = params.pop("path", "/events")
                    started = time.perf_counter()
                    status, body = _get(http, path, params)
                    elapsed = (time.perf_counter() - started) * 1000
                    if kind == "events" and status == 200 and i % 4 == 0:
                        token = json.loads(body)["next"]
                        if token:  # and the next page of it, through its cursor
                            started = time.perf_counter()
                            status, body = _get(http, path, {**params, "cursor": token})
                            elapsed = (time.perf_counter() - started) * 1000
                    with lock:
                        latencies[kind].append(elapsed)
                        if status != 200:
                            errors.append(f"{path} {params}: {status}")
        finally:
            http.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    cpu = time.process_time()
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started
    client_cpu = time.process_time() - cpu
    figures = {"clients": clients, "seconds": round(seconds, 1), "client_cpu_s": round(client_cpu, 1),
               "errors": len(errors), "first_errors": errors[:5]}
    for kind, values in latencies.items():
        values.sort()
        p95 = values[max(0, int(round(0.95 * len(values))) - 1)] if values else None
        figures[kind] = {"requests": len(values), "median_ms": round(statistics.median(values), 1) if values else None,
                         "p95_ms": round(p95, 1) if p95 is not None else None, "target_p95_ms": TARGETS_MS[kind],
                         "met": p95 is not None and p95 <= TARGETS_MS[kind]}
    return figures


def _get(http: HTTPConnection, path: str, params: dict) -> tuple[int, bytes]:
    """One GET on a kept-alive connection: (status, body)."""
    http.request("GET", f"{path}?{urlencode(params)}")
    response = http.getresponse()
    return response.status, response.read()


def serve_and_load(target: str, clients: int, requests: int, workers: int = 1, warmup: int = 0) -> dict:
    port = _free_port()
    command = [sys.executable, "-m", "chronicle", "serve", "--db", target, "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                probe = HTTPConnection("127.0.0.1", port, timeout=5)
                _get(probe, "/stats", {})
                probe.close()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(f"chronicle serve exited: {server.stderr.read().decode()[-500:]}")
                time.sleep(0.2)
        time.sleep(1)  # every worker up (each opens its store) before the clock starts
        # a warm-up of other queries (another seed), untimed in the figures, as a server that has
        # been answering for a while: its figures are kept beside them ("warmup") for comparison
        cold = load(base, clients, warmup, seed=1011) if warmup else None
        cpu = _tree_cpu(server.pid)
        figures = load(base, clients, requests)
        figures["server_cpu_s"] = round(_tree_cpu(server.pid) - cpu, 1)
        if cold is not None:
            figures["warmup"] = {kind: cold[kind] for kind in ("events", "aggregates")} | {"seconds": cold["seconds"]}
        return figures
    finally:
        server.terminate()
        server.wait(timeout=30)


def _tree_cpu(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` and its live descendants (Linux /proc; 0 elsewhere)."""
    children: dict[int, list[int]] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += ticks.get(p, 0)
        todo += children.get(p, [])
    return total / os.sysconf("SC_CLK_TCK")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000, help="requests of each kind, over all clients")
    parser.add_argument("--warmup", type=int, default=200,
                        help="requests of each kind sent first, with other queries, and left out of the figures")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="chronicle serve --workers")
    parser.add_argument("--out", default="bench-results")
    args = parser.parse_args(argv)
    results: dict = {"events": args.events}
    backends = ["sqlite"] + (["postgres"] if args.backend != "sqlite" and os.environ.get("CHRONICLE_PG_DSN") else [])
    if args.backend == "postgres":
        backends = backends[1:]
    for backend in backends:
        if backend == "sqlite":
            Path(args.out).mkdir(parents=True, exist_ok=True)
            target = str(Path(args.out) / f"serve-{args.events}.db")
        else:
            dsn = os.environ["CHRONICLE_PG_DSN"]
            from urllib.parse import quote

            target = f"{dsn}{'&' if '?' in dsn else '?'}options={quote(f'-csearch_path=bench_serve_{args.events}')}"
            _ensure_schema(dsn, f"bench_serve_{args.events}")
        started = time.perf_counter()
        with open_store(target) as store:
            have = store.stats().events
        if have != args.events:  # made by another generator or size: made afresh
            _drop(backend, target, args.events)
            generate(target, args.events)
        built = round(time.perf_counter() - started, 1)
        figures = serve_and_load(target, args.clients, args.requests, args.workers, args.warmup)
        figures["workers"] = args.workers
        figures["store_seconds"] = built
        results[backend] = figures
        print(f"{backend}: {args.events:,} events; /events p50 {figures['events']['median_ms']} ms, "
              f"p95 {figures['events']['p95_ms']} ms (target 100); aggregates p50 {figures['aggregates']['median_ms']} "
              f"ms, p95 {figures['aggregates']['p95_ms']} ms (target 300); errors {figures['errors']}; "
              f"{figures['seconds']} s, CPU: server {figures['server_cpu_s']} s, client {figures['client_cpu_s']} s",
              flush=True)
    return results


def _drop(backend: str, target: str, events: int) -> None:
    if backend == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(target + suffix).unlink(missing_ok=True)
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        return
    import psycopg

    with psycopg.connect(os.environ["CHRONICLE_PG_DSN"], autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS bench_serve_{int(events)} CASCADE")
        conn.execute(f"CREATE SCHEMA bench_serve_{int(events)}")


def _ensure_schema(dsn: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    try:  # the server warms the store through pg_prewarm where the database has it (contrib)
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
    except psycopg.Error as error:
        print(f"pg_prewarm not installed ({error}): the PostgreSQL server starts cold", flush=True)


if __name__ == "__main__":
    main()

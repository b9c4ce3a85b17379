"""The HTTP API and the dashboard: ``create_app(store_target)`` -> a FastAPI app.

Reads go through ``chronicle.store`` only (one store connection per worker thread, so reads go on
while an upload is ingested); ``POST /documents`` hands the uploaded files to
``chronicle.pipeline.ingest``. Reads are open to clients on this machine (127.0.0.1, ::1); other
clients need the token unless the app is ``public``. Uploads always need the token.
"""


import csv
import hashlib
import hmac
import io
import ipaddress
import json
import os
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response, StreamingResponse

from ..config import load_config
from ..export.flatten import flatten
from ..store import EventQuery, Store, open_store
from . import rows as R
from .assets import borders, plotly_js, static_dir

class JsonBytes(Response):
    """A JSON answer whose bytes are already encoded (rows.json_bytes)."""

    media_type = "application/json"


MAX_PAGE = 1000  # rows one JSON page may hold
STREAM_PAGE = 1000  # rows read per query while a CSV/JSONL answer streams
DEFAULT_UPLOAD_MB = 20  # CHRONICLE_MAX_UPLOAD_MB
AGGREGATE_CACHE = 512  # timeline/facets/network/stats answers kept per store version
PAGE_CACHE = 256  # JSON event pages kept per store version (tens of kB each)

DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
STAMP = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$"
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(pattern=DAY, description="ISO date or a prefix: 2012, 2012-03, 2012-03-14")]
Stamp = Annotated[str | None, Query(pattern=STAMP, description="UTC time (ISO): rows stored at or after it")]
Limit = Annotated[int | None, Query(ge=1, le=1_000_000_000, description=f"rows (JSON: at most {MAX_PAGE})")]
Cursor = Annotated[str | None, Query(max_length=2000, description="the `next` token of the page before")]
Format = Annotated[str, Query(pattern="^(json|csv|jsonl)$", description="json (pages), csv or jsonl (streamed)")]


def create_app(store_target: str, token: str | None = None, public: bool = False,
               max_upload_bytes: int | None = None, uploads: str | None = None) -> FastAPI:
    """The API and dashboard over the store at ``store_target`` (SQLite path or postgresql:// URL).

    ``token`` (default: CHRONICLE_TOKEN) guards uploads, and reads from other machines unless
    ``public``. Uploads over ``max_upload_bytes`` (default CHRONICLE_MAX_UPLOAD_MB, 20 MB) get 413;
    uploaded files are kept in ``uploads`` (default: a folder beside a SQLite store).
    """
    token = token if token is not None else os.environ.get("CHRONICLE_TOKEN") or None
    if max_upload_bytes is None:
        max_upload_bytes = int(float(os.environ.get("CHRONICLE_MAX_UPLOAD_MB", DEFAULT_UPLOAD_MB)) * 1024 * 1024)
    config = load_config(db=store_target)
    open_store(store_target, config.story_threshold).close()  # a store that cannot open fails here, not per request
    local = threading.local()
    opened: list[Store] = []
    lock = threading.Lock()
    ingest_lock = threading.Lock()

    generation = [0]  # bumped when the app shuts down and closes its stores: a thread then opens a new one

    def store() -> Store:
        found = getattr(local, "store", None)
        if found is None or getattr(local, "generation", None) != generation[0]:
            found = local.store = open_store(store_target, config.story_threshold)
            local.generation = generation[0]
            with lock:
                opened.append(found)
        return found

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        with lock:
            generation[0] += 1
            for s in opened:
                s.close()
            opened.clear()

    app = FastAPI(title="Chronicle", version="0.1.0", lifespan=lifespan,
                  description="Articles, coded events (PLOVER/CAMEO), quotes and stories of a Chronicle store.")

    def given_token(request: Request) -> str | None:
        header = request.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            return header[7:].strip()
        return request.headers.get("x-chronicle-token")

    def token_ok(request: Request) -> bool:
        offered = given_token(request)
        return bool(token and offered and hmac.compare_digest(offered.encode(), token.encode()))

    async def can_read(request: Request) -> None:  # async: no thread hop per request for a header check
        if public or _is_local(request) or token_ok(request):
            return
        raise HTTPException(401, "reads from another machine need the token (Authorization: Bearer ...)",
                            headers={"WWW-Authenticate": "Bearer"})

    Read = Depends(can_read)
    cache: OrderedDict[tuple, Any] = OrderedDict()
    pages: OrderedDict[tuple, Any] = OrderedDict()  # JSON event pages, apart: they must not push out aggregates
    computing: dict[tuple, threading.Lock] = {}

    def cached_json(name: str, params: Any, compute: Callable[[], Any]) -> Response:
        """``cached``, kept as the JSON bytes sent: a repeated answer is not encoded again."""
        return JsonBytes(cached(name, params, lambda: R.json_bytes(compute())))

    def cached(name: str, params: Any, compute: Callable[[], Any], kept: OrderedDict[tuple, Any] = cache,
               size: int = AGGREGATE_CACHE) -> Any:
        """An answer, computed once per store version (the store only grows: a new document,
        article or analysis changes the version, and with it every key). Threads asking for the
        same key at once wait for the first to compute it rather than each computing it."""
        key = (name, repr(params), store().data_version())
        with lock:
            if key in kept:
                kept.move_to_end(key)
                return kept[key]
            turn = computing.setdefault(key, threading.Lock())
        with turn:
            with lock:
                if key in kept:
                    return kept[key]
            try:
                value = compute()
            finally:
                with lock:
                    computing.pop(key, None)
            with lock:
                kept[key] = value
                while len(kept) > size:
                    kept.popitem(last=False)
        return value

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
        message = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in problems)
        return JSONResponse({"detail": message or "malformed request", "errors": problems}, status_code=422)

    def bad(message: str) -> HTTPException:
        return HTTPException(422, message)

    async def event_query(  # async: parsing runs on the event loop, not in a thread of its own
        actor: Text = None, source: Text = None, target: Text = None, country: Text = None, sector: Text = None,
        type: Annotated[str | None, Query(max_length=40, description="PLOVER type, e.g. ACCUSE")] = None,
        cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
        quad: Annotated[int | None, Query(ge=1, le=4, description="1-4: verbal/material cooperation/conflict")] = None,
        since: Day = None, until: Day = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
        text: Text = None, story: Text = None, publisher: Text = None, article: Text = None,
        updated_since: Stamp = None,
        dyad: Annotated[str | None, Query(max_length=401, description="SOURCE,TARGET (code prefixes or names)")] = None,
        located: bool = False,
    ) -> EventQuery:
        if dyad:
            parts = [p.strip() for p in dyad.split(",")]
            if len(parts) != 2 or not all(parts):
                raise bad("dyad: give SOURCE,TARGET")
            source, target = source or parts[0], target or parts[1]
        return EventQuery(actor=actor, source=source, target=target, country=country, sector=sector, type=type,
                          cameo=cameo, quad=quad, since=since, until=until, min_confidence=min_confidence,
                          text=text, story=story, publisher=publisher, article=article, updated_since=updated_since,
                          located=located)

    Events = Annotated[EventQuery, Depends(event_query)]

    def listing(kind: str, fetch: Callable[[list[Any] | None, int], list[Any]], key: Callable[[Any], list[Any]],
                item: Callable[[Any], dict[str, Any]], columns: list[str], fmt: str, limit: int | None,
                cursor: str | None, size: int) -> Any:
        """A JSON page with its ``next`` token, or every row (up to ``limit``) streamed as CSV/JSONL."""
        try:
            after = R.decode_cursor(kind, cursor, size) if cursor else None
        except R.BadCursor as error:
            raise bad(f"cursor: {error}") from None
        if fmt == "json":
            n = min(limit or 50, MAX_PAGE)
            found = fetch(after, n + 1)
            page = found[:n]
            token = R.encode_cursor(kind, key(page[-1])) if len(found) > n else None
            # already JSON-ready: sent as it is, without FastAPI's second pass over every value
            return JsonBytes(R.json_bytes({"items": [item(r) for r in page], "count": len(page), "next": token}))

        def generate() -> Iterator[str]:
            left, position = limit, after
            if fmt == "csv":
                yield _csv_line(columns)
            while left is None or left > 0:
                batch = fetch(position, STREAM_PAGE if left is None else min(STREAM_PAGE, left))
                for r in batch:
                    data = item(r)
                    if fmt == "csv":
                        flat = flatten(data)
                        yield _csv_line([flat.get(c) for c in columns])
                    else:
                        yield json.dumps(data, ensure_ascii=False) + "\n"
                if len(batch) < STREAM_PAGE and (left is None or len(batch) < min(STREAM_PAGE, left)):
                    return
                if left is not None:
                    left -= len(batch)
                position = key(batch[-1])

        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
        return StreamingResponse(generate(), media_type=media,
                                 headers={"Content-Disposition": f'inline; filename="{kind}.{fmt}"'})

    # ------------------------------------------------------------------ dashboard and its assets

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(static_dir() / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: Annotated[str, PathParam(pattern=r"^[a-z0-9_.-]+$")]) -> Response:
        if name == "plotly.min.js":
            path = plotly_js()
            if path is None:
                raise HTTPException(404, "plotly is not installed (pip install 'chronicle[serve]')")
            return FileResponse(path, media_type="text/javascript; charset=utf-8",
                                headers={"Cache-Control": "max-age=86400"})
        path = static_dir() / name
        if not path.is_file() or path.name == "index.html":
            raise HTTPException(404, f"no asset {name}")
        media = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}.get(path.suffix, "text/plain")
        return FileResponse(path, media_type=media + ("; charset=utf-8" if media.startswith("text") else ""))

    @app.get("/borders", tags=["dashboard"], dependencies=[Read])
    def world_borders() -> dict[str, Any]:
        """World country borders (Natural Earth 1:110m) as lines: ``lon``/``lat`` with null between lines."""
        return borders()

    # ------------------------------------------------------------------ articles

    @app.get("/articles", tags=["articles"], dependencies=[Read])
    def articles(publisher: Text = None, language: Text = None, since: Day = None, until: Day = None,
                 story: Text = None, updated_since: Stamp = None, format: Format = "json", limit: Limit = None,
                 cursor: Cursor = None) -> Any:
        """Articles, newest first (no bodies: see /articles/{id})."""
        return listing("articles", lambda after, n: store().article_page(
            publisher=publisher, language=language, since=since, until=until, story=story,
            updated_since=updated_since, after=after, limit=n), R.article_key, R.article_summary,
            R.ARTICLE_COLUMNS, format, limit, cursor, 2)

    @app.get("/articles/{article_id}", tags=["articles"], dependencies=[Read])
    def article(article_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One article: its body and the spans (character offsets into it) of its actors, events and quotes."""
        s = store()
        record = s.record(article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id}")
        found = s.article_page(ids=[article_id], limit=1)
        quads = {r.event.id: r.quad for r in s.event_page(EventQuery(article=article_id), limit=10_000)}
        story_id = found[0].story_id if found else None
        data = R.article_detail(record, story_id, quads)
        copies = s.story(story_id) if story_id else None
        data["story_size"] = len(copies.article_ids) if copies else 1
        return data

    # ------------------------------------------------------------------ events

    @app.get("/events", tags=["events"], dependencies=[Read])
    def events(query: Events, format: Format = "json", limit: Limit = None, cursor: Cursor = None) -> Any:
        """Coded events, newest first, each with its sentence, summary ("source -> type -> target") and why."""
        def answer() -> Any:
            return listing("events", lambda after, n: store().event_dicts(query, after=after, limit=n), R.event_key,
                           R.event_item, R.EVENT_COLUMNS, format, limit, cursor, 3)

        if format != "json":
            return answer()
        # a page asked again (the dashboard's, a shared link) is sent as it was encoded
        return JsonBytes(cached("events", (query, limit, cursor), lambda: answer().body, pages, PAGE_CACHE))

    @app.get("/events/{event_id}", tags=["events"], dependencies=[Read])
    def event(event_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One event by its id (ids are stable: the article's content hash and the event's place in it)."""
        row = store().event(event_id)
        if row is None:
            raise HTTPException(404, f"no event {event_id}")
        return R.event_row(row)

    @app.get("/facets", tags=["events"], dependencies=[Read])
    def facets(query: Events) -> dict[str, dict[str, int]]:
        """Counts of the matching events by type, quad class, country, sector and publisher."""
        return cached_json("facets", query, lambda: store().event_facets(query))

    @app.get("/network", tags=["events"], dependencies=[Read])
    def network(query: Events, limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> dict[str, Any]:
        """Actors as nodes, source -> target edges weighted by events, split into cooperation and conflict."""
        edges = cached("network", (query, limit), lambda: store().event_edges(query, limit=limit))
        nodes: dict[str, dict[str, Any]] = {}
        for e in edges:
            for key, name in ((e.source, e.source_name), (e.target, e.target_name)):
                node = nodes.setdefault(key, {"id": key, "name": name or key, "events": 0})
                node["events"] += e.events
        return {"nodes": list(nodes.values()), "edges": [e.to_dict() for e in edges]}

    @app.get("/timeline", tags=["events"], dependencies=[Read])
    def timeline(query: Events, interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
                 by: Annotated[str, Query(pattern="^(quad|type)$")] = "quad") -> dict[str, Any]:
        """Event counts per day, week (starting Monday) or month, one series per quad class or type."""
        # the finished answer is what is kept: grouping days into periods costs more than reading them
        return cached_json("timeline", (query, interval, by), lambda: _timeline(store().event_counts(query, by=by),
                                                                           interval, by))

    # ------------------------------------------------------------------ quotes, actors, stories, search, stats

    @app.get("/quotes", tags=["quotes"], dependencies=[Read])
    def quotes(speaker: Text = None, text: Text = None, since: Day = None, until: Day = None, article: Text = None,
               publisher: Text = None, updated_since: Stamp = None, format: Format = "json", limit: Limit = None,
               cursor: Cursor = None) -> Any:
        """Who said what, newest first."""
        return listing("quotes", lambda after, n: store().quote_page(
            speaker=speaker, text=text, since=since, until=until, article=article, publisher=publisher,
            updated_since=updated_since, after=after, limit=n), R.quote_key, R.quote_row, R.QUOTE_COLUMNS,
            format, limit, cursor, 3)

    @app.get("/speakers", tags=["quotes"], dependencies=[Read])
    def speakers(q: Text = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        """Speakers by number of quotes."""
        return {"items": [{"speaker": s, "code": c, "quotes": n} for s, c, n in store().speakers(text=q, limit=limit)]}

    @app.get("/actors", tags=["actors"], dependencies=[Read])
    def actors(q: Text = None, limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50, cursor: Cursor = None) -> Any:
        """Actors (by code, or name when they have none), most articles first, with first and last seen."""
        try:
            after = R.decode_cursor("actors", cursor, 2) if cursor else None
        except R.BadCursor as error:
            raise bad(f"cursor: {error}") from None
        if after is not None and not isinstance(after[0], int):
            raise bad("cursor: not a token of actors")
        found = store().actor_summaries(text=q, after=after, limit=limit + 1)
        page = found[:limit]
        token = R.encode_cursor("actors", [page[-1].articles, page[-1].key]) if len(found) > limit else None
        return {"items": [R.actor_item(a) for a in page], "count": len(page), "next": token}

    @app.get("/actors/{key}", tags=["actors"], dependencies=[Read])
    def actor(key: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One actor: counts, first/last seen, the names it went by, and its counterparts."""
        s = store()
        found = s.actor(key)
        if found is None:
            raise HTTPException(404, f"no actor {key}")
        data = R.actor_item(found)
        data["counterparts"] = [c.to_dict() for c in s.counterparts(key)]
        return data

    @app.get("/stories", tags=["stories"], dependencies=[Read])
    def stories(min_size: Annotated[int, Query(ge=1, le=1000)] = 2,
                limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100) -> dict[str, Any]:
        """Stories (wire copies grouped as near duplicates), largest first."""
        return {"items": [{**s.to_dict(), "size": len(s.article_ids)}
                          for s in store().stories(min_size=min_size, limit=limit)]}

    @app.get("/stories/{story_id}", tags=["stories"], dependencies=[Read])
    def story(story_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One story with each of its copies (title, publisher, date, body), oldest first."""
        s = store()
        found = s.story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id}")
        copies = {a.id: a for a in s.articles(ids=found.article_ids)}
        return {**found.to_dict(), "size": len(found.article_ids),
                "copies": [{"id": i, "title": copies[i].title, "publisher": copies[i].publisher,
                            "published": copies[i].published, "url": copies[i].url, "body": copies[i].body}
                           for i in found.article_ids if i in copies]}

    @app.get("/search", tags=["search"], dependencies=[Read])
    def search(q: Annotated[str, Query(min_length=1, max_length=200)],
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> dict[str, Any]:
        """Articles (full-text, ranked), events (sentence contains) and quotes (text contains) matching ``q``."""
        s = store()
        return {"query": q,
                "articles": [h.to_dict() for h in s.search(q, limit=limit)],
                "events": [R.event_item(d) for d in s.event_dicts(EventQuery(text=q), limit=limit)],
                "quotes": [R.quote_row(r) for r in s.quote_page(text=q, limit=limit)]}

    @app.get("/stats", tags=["stats"], dependencies=[Read])
    def stats() -> dict[str, Any]:
        """Counts over the store, and events per quad class and type."""
        s = store()
        data = cached("stats", None, lambda: s.stats().to_dict())
        data = dict(data)
        facets = cached("facets", (EventQuery(), 50), lambda: s.event_facets(EventQuery(), limit=50))
        data["quads"] = {R.QUAD_NAMES.get(int(k), k): n for k, n in facets["quad"].items()}
        data["types"] = facets["type"]
        return data

    # ------------------------------------------------------------------ uploads

    upload_dir = Path(uploads) if uploads else _default_uploads(store_target)

    @app.post("/documents", tags=["ingest"], status_code=200, openapi_extra={
        "requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
            "type": "object", "required": ["files"],
            "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}}}}}}})
    async def documents(request: Request, analyse: bool = True) -> dict[str, Any]:
        """Ingest uploaded files (multipart ``files``) as ``chronicle ingest`` would; needs the token.

        Bad files are recorded as failures, as an ingest records them (see ``failures`` in the answer)."""
        if not token_ok(request):
            raise HTTPException(401, "uploads need the token (Authorization: Bearer $CHRONICLE_TOKEN)"
                                if token else "uploads are off: start the server with CHRONICLE_TOKEN set",
                                headers={"WWW-Authenticate": "Bearer"})
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_upload_bytes:
            raise HTTPException(413, f"upload over the limit of {max_upload_bytes} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > max_upload_bytes:
                raise HTTPException(413, f"upload over the limit of {max_upload_bytes} bytes")
        content = bytes(body)

        async def replay() -> dict[str, Any]:
            return {"type": "http.request", "body": content, "more_body": False}

        try:
            form = await Request(request.scope, replay).form(max_files=100, max_fields=10)
        except Exception as error:  # a malformed multipart body is the client's error
            raise bad(f"files: not a multipart upload ({error})") from None
        files = [f for f in form.getlist("files") if hasattr(f, "read")]
        if not files:
            raise bad("files: no file uploaded (multipart field 'files')")
        paths = []
        upload_dir.mkdir(parents=True, exist_ok=True)
        for f in files:
            data = await f.read()
            name = _safe_name(f.filename or "upload")
            path = upload_dir / f"{hashlib.sha256(data).hexdigest()[:12]}-{name}"
            path.write_bytes(data)
            paths.append(str(path))
        try:
            return await run_in_threadpool(_ingest, paths, store_target, analyse, ingest_lock)
        except (OSError, ImportError) as error:  # e.g. the spaCy model is not installed on this server
            raise HTTPException(503, f"ingest cannot run here: {error}") from None

    return app


def app_from_environment() -> FastAPI:
    """``create_app`` for a worker process of ``chronicle serve --workers N``: the store from
    CHRONICLE_SERVE_DB, ``public`` from CHRONICLE_SERVE_PUBLIC=1."""
    target = os.environ.get("CHRONICLE_SERVE_DB")
    if not target:
        raise RuntimeError("CHRONICLE_SERVE_DB is not set: start workers with `chronicle serve --workers N`")
    return create_app(target, public=os.environ.get("CHRONICLE_SERVE_PUBLIC") == "1")


def _ingest(paths: list[str], store_target: str, analyse: bool, lock: threading.Lock) -> dict[str, Any]:
    from ..pipeline import ingest

    config = load_config(db=store_target)
    with lock, open_store(store_target, config.story_threshold) as writer:
        summary = ingest(paths, writer, config, articles_only=not analyse)
    data = summary.to_dict()
    data["docs_per_second"] = round(summary.docs_per_second, 2)
    return data


def _default_uploads(store_target: str) -> Path:
    if store_target.startswith(("postgresql://", "postgres://")) or store_target == ":memory:":
        return Path(tempfile.gettempdir()) / "chronicle-uploads"
    return Path(store_target).with_name(Path(store_target).name + ".uploads")


def _safe_name(name: str) -> str:
    """A file name an upload may be kept under: its last part, letters, digits and ._- only."""
    base = re.split(r"[\\/]", name)[-1]
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", base).strip("._") or "upload"
    return cleaned[:100]


def _is_local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(["" if v is None else v for v in values])
    return buffer.getvalue()


def _timeline(counts: list[tuple[str, str, int]], interval: str, by: str) -> dict[str, Any]:
    """/timeline's answer from the store's (day, key, events) counts."""
    series: dict[str, dict[str, int]] = {}
    periods: dict[str, str | None] = {}
    for day, key, n in counts:
        period = periods[day] if day in periods else periods.setdefault(day, _period(day, interval))
        if period is None:
            continue
        points = series.setdefault(key, {})
        points[period] = points.get(period, 0) + n
    out = []
    for key in sorted(series):
        name = R.QUAD_NAMES.get(int(key)) if by == "quad" and key.isdigit() else (key or "unknown")
        out.append({"key": key, "name": name or "unknown",
                    "points": [{"period": p, "count": c} for p, c in sorted(series[key].items())]})
    return {"interval": interval, "by": by, "series": out}


def _period(day: str, interval: str) -> str | None:
    """The day, week (its Monday) or month a stored day falls in; None for a day that is no date."""
    if interval == "month":
        return day[:7] if re.match(r"^\d{4}-\d{2}", day) else None
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    if interval == "week":
        d -= timedelta(days=d.weekday())
    return d.isoformat()

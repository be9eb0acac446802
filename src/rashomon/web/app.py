"""The FastAPI application behind ``rashomon serve``.

``create_app(db_path)`` checks the store exists, then opens it read-only *per request*
(the store's connections are short-lived, so ``rashomon analyze`` may write between
requests; while it holds the file, pages answer 503 with a retry hint). Every response
carries a strict Content-Security-Policy (no inline script, no third-party anything);
write methods are refused with 405 before routing, but for ``POST /review`` when the app
is made with ``review=True`` (``rashomon serve --review``; its guards: :mod:`.reviewing`).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import api
from ..errors import StoreBusy, StoreError, UsageError
from ..store import Store
from .templating import STATIC, render

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
# with --review, pages send their own origin with the review form (a no-referrer page's POST says "Origin: null")
REVIEW_REFERRER = (b"referrer-policy", b"same-origin")
READ_METHODS = ("GET", "HEAD")
BUSY_TIMEOUT = 3.0  # seconds a request waits for a writer before answering 503
RETRY_AFTER = 5


LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def host_name(header: str) -> str:
    """The name in a Host header, without its port ("[::1]:8000" -> "::1")."""
    h = header.strip().lower()
    if h.startswith("["):
        return h[1 : h.find("]")] if "]" in h else h
    return h.rsplit(":", 1)[0] if h.count(":") == 1 else h


def is_loopback(host: str) -> bool:
    """True for a loopback address (127.0.0.0/8, ::1) or ``localhost``."""
    name = host.strip().strip("[]").lower()
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return name == "localhost"


def allowed_hosts(bound: str) -> frozenset[str] | None:
    """The Host names ``rashomon serve --host bound`` answers: the localhost names and the bound
    address; None (any) when bound to every interface, where the user chose to expose it."""
    return None if bound in ("0.0.0.0", "::", "") else LOCAL_HOSTS | {host_name(bound)}


class ReadOnlyGuard:
    """ASGI middleware: 405 for every method but GET/HEAD (HEAD answered as GET without a body), POST
    to a path in ``writes`` aside; 400 for a Host header not in the allow-list (DNS rebinding);
    security headers on every response."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None = None, writes: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.hosts = hosts
        self.writes = writes
        self.headers = [REVIEW_REFERRER if writes and k == REVIEW_REFERRER[0] else (k, v) for k, v in SECURITY_HEADERS]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        head = scope["method"] == "HEAD"

        async def send_with_headers(message: Message) -> None:
            if head and message["type"] == "http.response.body":
                message = {**message, "body": b""}  # HEAD: the GET response's headers, no body
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self.headers if k not in names
                ]
            await send(message)

        if self.hosts is not None:
            host = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            if host_name(host) not in self.hosts:
                resp = PlainTextResponse("400 Bad Request: this server answers only to its local names.\n", 400)
                await resp(scope, receive, send_with_headers)
                return
        if scope["method"] not in READ_METHODS and not (scope["method"] == "POST" and scope["path"] in self.writes):
            resp = PlainTextResponse(
                "405 Method Not Allowed: the Rashomon server is read-only.\n",
                status_code=405,
                headers={"Allow": ", ".join(READ_METHODS)},
            )
            await resp(scope, receive, send_with_headers)
            return
        await self.app({**scope, "method": "GET"} if head else scope, receive, send_with_headers)


def open_corpus(request: Request) -> api.Rashomon:
    """A read-only handle on the store for one request (FastAPI dependency)."""
    r = api.open(request.app.state.db, read_only=True)
    r.store.busy_timeout = BUSY_TIMEOUT
    return r


def error_page(
    request: Request,
    status: int,
    title: str,
    message: str,
    hint: str = "",
    headers: dict[str, str] | None = None,
    retry: bool = True,
) -> Response:
    """An error as JSON (the API) or as a page; a 503 page reloads itself unless ``retry`` is False."""
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": title, "detail": message, "hint": hint}, status_code=status, headers=headers)
    html = render(
        "error.html",
        title=title,
        message=message,
        hint=hint,
        status=status,
        refresh=RETRY_AFTER if status == 503 and retry else None,
        active="",
    )
    return HTMLResponse(html, status_code=status, headers=headers)


def create_app(db_path: str | Path, hosts: frozenset[str] | None = None, review: bool = False) -> FastAPI:
    """The web UI over the store at ``db_path`` (which must exist); ``hosts``: the Host names it
    answers (None: any; ``rashomon serve`` passes :func:`allowed_hosts`); ``review``: with the
    review form (``POST /review``), which needs ``hosts`` to be local names only."""
    Store(db_path, read_only=True)  # fails now, with a hint, when there is no store
    if review:
        if hosts is None or not all(is_loopback(h) for h in hosts):
            raise UsageError(
                "the review form needs a server that answers only to its local names",
                hint="serve it on 127.0.0.1 (the default), ::1 or localhost",
            )
        api.open(db_path)  # an older store gets its reviews table now (under the writer lock)
    app = FastAPI(
        title="Rashomon",
        version="1",
        docs_url=None,
        redoc_url=None,
        description="Read-only API over a Rashomon store: documents, claims with evidence offsets, "
        "entities, cross-source findings, timeline, outlet matrix, framing, search.",
    )
    app.state.db = str(db_path)
    app.state.csrf = None

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> Response:
        return error_page(
            request,
            503,
            "The store is busy",
            "Another rashomon process (probably `rashomon analyze`) is writing to the store right now.",
            f"This page retries by itself; or reload in {RETRY_AFTER} seconds.",
            headers={"Retry-After": str(RETRY_AFTER)},
        )

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return error_page(request, 500, "The store could not be read", exc.message, exc.hint or "")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e.get('loc', ())[1:])}: {e.get('msg', '')}" for e in exc.errors()
        )
        return error_page(
            request, 422, "Bad parameters", problems or "The address has parameters this page cannot read."
        )

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        detail = getattr(exc, "detail", None)
        return error_page(
            request,
            404,
            "Not found",
            detail if isinstance(detail, str) else "No such page.",
            "Start from the overview.",
        )

    from . import jsonapi, pages, reviewing

    app.include_router(pages.router)
    app.include_router(jsonapi.router)
    if review:
        app.state.csrf = reviewing.new_token()
        app.include_router(reviewing.router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(ReadOnlyGuard, hosts=hosts, writes=frozenset({"/review"} if review else ()))
    return app

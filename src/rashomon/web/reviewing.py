"""The web UI's review form (``rashomon serve --review``): a person marks a finding confirmed, wrong
or needs-check, with a note, and the verdict is written to the store beside the machine's.

The server is read-only unless started with ``--review``; then one route, ``POST /review``, writes,
and only when every guard passes:

* the server is bound to a loopback address (:func:`check_review_host`; ``serve`` refuses
  ``--review`` with any other ``--host``), and the Host header is one of its local names
  (:class:`~rashomon.web.app.ReadOnlyGuard`);
* the request comes from this server's own pages: its ``Origin`` (else its ``Referer``) names this
  host (:func:`same_origin`), and its form carries this server's CSRF token (a secret made when the
  server starts, written into each form, compared in constant time);
* the write goes through :meth:`rashomon.api.Rashomon.review`, under the store's writer lock: while
  ``ingest`` or ``analyze`` runs, the form answers "store is busy" (503) and saves nothing.

On success the browser is sent back (303) to the page the form was on, at the finding.
"""

from __future__ import annotations

import hmac
import secrets
import threading
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from .. import api, reviews
from ..errors import RashomonError, StoreBusy, UsageError
from ..records import Review
from .app import BUSY_TIMEOUT, error_page, is_loopback

router = APIRouter(include_in_schema=False)
MAX_BODY = 16_384  # bytes of form data: a note of 2,000 characters fits many times over
_WRITES = threading.Lock()  # one review write at a time in this server process


def check_review_host(host: str) -> None:
    """Refuse ``--review`` unless the server binds a loopback address (it writes to the store)."""
    if not is_loopback(host):
        raise UsageError(
            f"--review needs a loopback --host, not {host!r}: the review form writes to the store",
            hint="serve it on 127.0.0.1 (the default), ::1 or localhost, and reach it through an SSH tunnel if need be",
        )


def new_token() -> str:
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class ReviewForm:
    """What a page needs to draw the review form: the server's CSRF token, where to come back to,
    and the reviewer name to suggest."""

    token: str
    next: str
    by: str


def form_for(request: Request) -> ReviewForm | None:
    """The review form's context for the page being served, or None when the server is read-only."""
    token = getattr(request.app.state, "csrf", None)
    if not token:
        return None
    path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return ReviewForm(token, path, reviews.reviewer_name(None))


def same_origin(request: Request) -> bool:
    """True when the request's Origin (or, lacking one, its Referer) is this very host over http(s)."""
    host = request.headers.get("host", "").strip().lower()
    for header in ("origin", "referer"):
        value = request.headers.get(header, "").strip()
        if value and value != "null":
            try:
                parts = urlsplit(value)
            except ValueError:
                return False
            return bool(host) and parts.scheme in ("http", "https") and parts.netloc.lower() == host
    return False


def safe_next(value: str) -> str:
    """A page of this server to go back to (a path, never another site); else the findings page."""
    v = value.strip()
    if not v.startswith("/") or v.startswith("//") or "\\" in v or any(ord(c) < 32 for c in v):
        return "/findings"
    return v.split("#", 1)[0]


def _refuse(request: Request, status: int, title: str, message: str, hint: str) -> Response:
    return error_page(request, status, title, message, hint, retry=False)


@router.post("/review")
async def review(request: Request) -> Response:
    """Write one review from the form; 303 back to the page it came from."""
    if not same_origin(request):
        return _refuse(request, 403, "Refused: not from this server's pages",
                       "A review can only be sent from a page of this server (its Origin or Referer did not match).",
                       "Open the finding on this server and use its review buttons.")  # fmt: skip
    body = await request.body()
    if len(body) > MAX_BODY:
        return _refuse(request, 413, "Review too long", f"The form sent {len(body):,} bytes.",
                       f"Keep the note under {reviews.MAX_NOTE:,} characters.")  # fmt: skip
    form = {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}
    if not hmac.compare_digest(form.get("csrf", "").encode(), request.app.state.csrf.encode()):
        return _refuse(request, 403, "Refused: the form's token is missing or out of date",
                       "Each review form carries this server's token; this one did not (or the server restarted).",
                       "Reload the page and submit the review again.")  # fmt: skip
    finding = form.get("finding", "")
    try:
        rv = await run_in_threadpool(_write, request.app.state.db, finding, form)
    except StoreBusy as exc:
        return _refuse(request, 503, "The store is busy: the review was not saved", exc.message,
                       "Go back and send the review again when that command has finished.")  # fmt: skip
    except UsageError as exc:
        status = 404 if exc.message.startswith("no finding") else 400
        return _refuse(request, status, "The review was not saved", exc.message, exc.hint or "")
    except RashomonError as exc:
        return _refuse(request, 500, "The review was not saved", exc.message, exc.hint or "")
    anchor = f"#f-{rv.applies_to or finding}"
    return RedirectResponse(safe_next(form.get("next", "")) + anchor, status_code=303)


def _write(db: str, finding: str, form: dict[str, str]) -> Review:
    with _WRITES:
        r = api.open(db, wait=BUSY_TIMEOUT)
        return r.review(finding, form.get("verdict", ""), form.get("note", ""), form.get("by") or None)

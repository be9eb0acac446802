"""The one Jinja2 environment for pages and report: autoescape ON for every template,
undefined variables are errors, and the helpers templates may call."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from markupsafe import Markup

from . import charts, desk, views
from .humandate import human_date

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

STATUS_LABELS = {
    "agree": "agree",
    "conflict": "conflict",
    "scope_difference": "scope difference",
    "update": "update",
    "single_source": "single source",
    "unknown": "unknown",
}


def _qs(**params: object) -> str:
    """A query string from the non-empty parameters (values are URL-encoded)."""
    return urlencode({k: v for k, v in params.items() if v not in (None, "")})


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.3g}"
    if isinstance(value, (tuple, list)):
        return "–".join(_fmt(v) for v in value)
    return "" if value is None else str(value)


# direction overrides, isolates, zero-width characters: shown as visible codes in names, titles and values
# (the article text in the reader is isolated by the stylesheet, so its offsets stay as stored)
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _visible(value: object) -> object:
    """``{{ value }}`` with invisible control characters written out as ``<U+202E>``."""
    if isinstance(value, str) and not isinstance(value, Markup) and INVISIBLE.search(value):
        return INVISIBLE.sub(lambda m: f"<U+{ord(m.group()):04X}>", value)
    return value


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_visible,
    )
    env.filters.update(
        safe_url=views.safe_url,
        fmt=_fmt,
        status_label=lambda s: STATUS_LABELS.get(s, s),
        urlpart=lambda s: quote(str(s), safe=""),
        doc_label=views.doc_label,
        source=views.source_label,
        outlet_name=desk.outlet_name,
        claim_grid=views.claim_grid,
        human_date=human_date,
        tojson_script=views.json_for_script,
    )
    env.globals.update(STATUSES=views.STATUSES, qs=_qs, outlet_colours=charts.outlet_colours)
    return env


ENV = environment()


def render(name: str, **context: object) -> str:
    return ENV.get_template(name).render(**context)

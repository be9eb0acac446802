"""``rashomon report``: one self-contained HTML file to send to an editor.

Everything is inline (CSS, one small script, the data) and nothing refers outside the
file: it opens offline from disk. The inline script is pinned by a Content-Security-Policy
hash, the data (the findings, and the incidents as the ``rashomon/1`` export writes them) rides in
``<script type="application/json">`` elements with ``<``, ``>`` and ``&`` escaped, and all article text
goes through the same autoescaped templates and span renderer as the served pages. Source URLs are shown
as text, not links.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from ..api import Rashomon
from . import charts, desk, matrixview, views
from .templating import STATIC, render
from .timelines import timeline_view

REPORT_SCRIPT = STATIC / "report.js"


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def report_data(items: list[views.FindingView]) -> list[dict[str, Any]]:
    """The findings with their evidence as plain data (embedded in the report for reuse)."""
    return [
        {
            **fv.finding.to_dict(),
            "review": fv.review.to_dict() if fv.review else None,
            "evidence": [
                {
                    "side": s.label,
                    "claim": e.claim.id,
                    "doc": e.claim.doc,
                    "outlet": e.outlet,
                    "start": e.claim.start,
                    "end": e.claim.end,
                    "text": e.claim.text,
                    "sentence": e.excerpt.before + e.excerpt.span + e.excerpt.after,
                }
                for s in fv.sides
                for e in s.evidence
            ],
        }
        for fv in items
    ]


def build_report(r: Rashomon, generated: str | None = None) -> str:
    """The report's HTML."""
    items = views.finding_views(r, r.findings())
    incidents = views.incident_views(r)
    frows = r.framing_table()
    css = (STATIC / "style.css").read_text("utf-8")
    script = REPORT_SCRIPT.read_text("utf-8")
    csp = (
        f"default-src 'none'; style-src {_sha256(css)}; script-src {_sha256(script)}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    return render(
        "report.html",
        o=views.overview(r),
        items=items,
        incidents=incidents,
        timeline=timeline_view(r),
        matrix=matrixview.matrix(r, desk.corpus(r), top=30),
        frows=frows,
        groups=charts.framing(frows),
        css=css,
        script=script,
        csp=csp,
        data=report_data(items),
        incidents_data=[iv.incident.to_dict() for iv in incidents],
        store=Path(r.store.path).name,
        generated=generated or dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )


def write_report(r: Rashomon, out_path: str | Path) -> Path:
    """Write the report to ``out_path`` (parents created); return the path."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_report(r), "utf-8")
    return out

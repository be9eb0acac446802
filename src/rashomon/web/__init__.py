"""The local, read-only web UI (``rashomon serve``) and the self-contained HTML report
(``rashomon report``): server-rendered pages over one store, a JSON API under ``/api``.

app.py (FastAPI app, security middleware, error pages) · pages.py (HTML routes) ·
jsonapi.py (JSON routes) · views.py (what each page shows) · spans.py (highlighted,
escaped text) · charts.py (SVG geometry) · search.py (offline full-text search) ·
report.py (one HTML file) · templating.py (the Jinja2 environment, autoescape on).
"""

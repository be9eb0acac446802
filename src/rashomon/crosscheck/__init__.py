"""Cross-source layer: stories, claim linking, verdicts, framing, timeline, matrix.

The corpus passes (:data:`rashomon.crosscheck.passes.PASSES`) are the single computation every
engine runs: entities, speakers, publication windows, stories, then quantity linking and verdicts
(``link``, ``verdict``), date findings, quote findings (``quotes``), prose statement findings
(``statements``), framing hits and the timeline (``timeline``), each pass cut into partitions
along the key it groups by (``partition``). The shared state and part sizes live in ``build``.

Also exposed for the API, CLI and web layers: ``outlet_matrix``, ``framing_table``,
``officials_by_outlet``.
"""

from __future__ import annotations

from .framing import framing_table, officials_by_outlet
from .matrix import outlet_matrix

__all__ = ["outlet_matrix", "framing_table", "officials_by_outlet"]

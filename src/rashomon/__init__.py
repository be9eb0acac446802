"""Rashomon: cross-check the news. Library first; the CLI and web UI are thin layers."""

from __future__ import annotations

from .api import Rashomon, open  # noqa: A004
from .errors import RashomonError
from .options import Options

__version__ = "0.1.0"
__all__ = ["Rashomon", "open", "Options", "RashomonError", "__version__"]

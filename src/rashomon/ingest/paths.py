"""Which files an ingest reads: the paths given (files, folders, globs) expanded into files, and
an :class:`IngestError` (file and reason) for everything that is not read, never a silent skip.

Folders are walked recursively in sorted order, hidden files and folders (``.name``) skipped.
Reported instead of read: a named pipe, socket or device; a symbolic link that loops, is broken,
or points outside the folder given (links are never followed out of it: a link to
``/etc/passwd`` in a folder of articles is not ingested); a folder that cannot be read; a folder
with no file to read. A path named on the command line is read wherever it points.

Paths are named by :func:`display`: a file name that is not valid UTF-8 keeps its bytes as
``\\xff`` escapes, so it can be printed and stored.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import EmptyInput, InputError, UnsupportedFormat
from ..records import IngestError

_GLOB_CHARS = set("*?[")
_KINDS = [
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
]


def display(name: str | os.PathLike[str]) -> str:
    """``name`` as text that can be printed and stored: undecodable bytes of a file name (kept by
    Python as lone surrogates) written as ``\\xff`` escapes, other lone surrogates as ``\\ud800``."""
    text = os.fspath(name)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _error(path: str | os.PathLike[str], reason: str, code: str = InputError.code) -> IngestError:
    return IngestError(display(path), reason, code)


def _not_regular(mode: int) -> str:
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def _link_problem(link: Path) -> str | None:
    """Why the symbolic link ``link`` cannot be followed at all (None when it resolves)."""
    try:
        link.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 raises this for a loop
        return "symbolic link loop"
    except OSError as exc:
        if exc.errno == 40:  # ELOOP
            return "symbolic link loop"
        if isinstance(exc, FileNotFoundError):
            return f"broken symbolic link (to {display(os.readlink(link))}, which does not exist)"
        return f"cannot follow symbolic link: {exc.strerror or exc}"
    return None


def expand(paths: Iterable[str | Path]) -> Iterator[Path | IngestError]:
    """Every file named by ``paths``, and an error for each thing named or found that is not read."""
    for p in paths:
        try:
            yield from _expand_one(Path(p), str(p))
        except OSError as exc:  # a path under a folder that cannot be read, and the like
            yield _error(p, f"cannot read: {exc.strerror or exc}")


def _expand_one(path: Path, given: str) -> Iterator[Path | IngestError]:
    if not os.path.lexists(path) and _GLOB_CHARS & set(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            yield _error(given, "no file matches this pattern")
        for m in matches:
            yield from expand([m])
    elif path.is_symlink() and (problem := _link_problem(path)):
        yield _error(given, problem)
    elif path.is_dir():
        found = 0
        for item in _walk(path, path.resolve()):
            found += 1
            yield item
        if not found:
            yield _error(given, "folder holds no file to read (hidden files are skipped)", EmptyInput.code)
    elif path.is_file():
        yield path
    elif path.exists():
        yield _error(given, f"{_not_regular(path.stat().st_mode)}, not a regular file", UnsupportedFormat.code)
    else:
        yield _error(given, "no such file or folder")


def _walk(folder: Path, root: Path) -> Iterator[Path | IngestError]:
    """The files under ``folder`` (``root``: the resolved folder given) in sorted order, depth first."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield _error(folder, f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            if entry.is_symlink():
                problem = _link_problem(path)
                if problem is None and not path.resolve().is_relative_to(root):
                    problem = f"symbolic link to {display(path.resolve())}, outside the folder; not followed"
                if problem is not None:
                    yield _error(path, problem)
                elif path.is_file():
                    yield path
                elif not path.is_dir():  # a link to a folder inside the folder: its files are read where they are
                    yield _error(path, f"link to {_not_regular(path.stat().st_mode)}", UnsupportedFormat.code)
                continue
            if entry.is_dir():
                yield from _walk(path, root)
            elif entry.is_file():
                yield path
            else:
                yield _error(path, f"{_not_regular(entry.stat().st_mode)}, not a regular file", UnsupportedFormat.code)
        except OSError as exc:
            yield _error(path, f"cannot read: {exc.strerror or exc}")

"""Archives read in memory, never extracted to disk: .zip, .tar(.gz)/.tgz, single-file .gz.

Members are named ``archive.zip!dir/member.txt`` and go to the reader their name (or
content) selects, nested archives included (up to a small depth). Safety:

* a member name that is absolute or contains ``..`` is refused (:class:`UnsafeArchive`),
  as are tar links and device files; the other members are still read;
* every member is read through a capped reader (``max_member_bytes``), so a gzip bomb
  stops at the cap instead of filling memory;
* the whole archive (nested ones included) may unpack at most ``max_archive_bytes``
  and ``max_archive_members``; past either the rest is refused with one error;
* a truncated or corrupt archive is :class:`CorruptInput`;
* an encrypted zip member, or one packed with a method ``zipfile`` lacks, is refused alone.
"""

from __future__ import annotations

import gzip
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import PurePosixPath

from ...errors import CorruptInput, EmptyInput, InputError, TooLarge, UnsafeArchive, UnsupportedFormat
from ...options import Options
from ...records import IngestError
from ..paths import display
from . import Blob, Budget, Item, Readable, blob_from_bytes, read_capped

ReadBlob = Callable[[Blob, Options, int, "Budget | None"], Iterator[Item]]


def _unsafe(name: str) -> bool:
    norm = name.replace("\\", "/")
    return norm.startswith("/") or (len(norm) > 1 and norm[1] == ":") or ".." in PurePosixPath(norm).parts


def _error(exc: InputError) -> IngestError:
    return IngestError(exc.source or "", exc.reason, exc.code)


def read(
    blob: Blob, fmt: str, options: Options, depth: int, budget: Budget | None, read_blob: ReadBlob
) -> Iterator[Item]:
    if budget is None:
        budget = Budget(options.max_archive_bytes, options.max_archive_members, blob.source)
    members = {"zip": _zip_members, "tar": _tar_members, "gz": _gz_member}[fmt](blob, options)
    seen = 0
    while True:
        try:
            item = next(members)
        except StopIteration:
            if not seen:
                raise EmptyInput(
                    f"{fmt} archive holds no files",
                    source=blob.source,
                    hint="check that the archive was created with its contents",
                ) from None
            return
        except (zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise CorruptInput(
                f"corrupt or truncated {fmt} archive: {exc or type(exc).__name__}",
                source=blob.source,
                hint="download or create the archive again",
            ) from exc
        seen += 1
        if isinstance(item, InputError):
            yield _error(item)
            continue
        name, data = item
        name = display(name)
        source = f"{blob.source}!{name}"
        if budget.exhausted:
            return
        budget.members_left -= 1
        budget.bytes_left -= len(data)
        if budget.members_left < 0 or budget.bytes_left < 0:
            budget.exhausted = True
            limit = "max_archive_members" if budget.members_left < 0 else "max_archive_bytes"
            value = options.max_archive_members if budget.members_left < 0 else options.max_archive_bytes
            yield IngestError(
                budget.source, f"archive exceeds {limit} ({value:,}); stopped before {name}", TooLarge.code
            )
            return
        yield from read_blob(blob_from_bytes(source, name, data), options, depth + 1, budget)


def _refusal(source: str, name: str, size: int, options: Options) -> InputError | None:
    """Why a member must not be read (None when it may)."""
    if _unsafe(name):
        return UnsafeArchive(
            f"member path {name!r} is absolute or leaves the archive ('..')",
            source=source,
            hint="refused for safety; repack the archive with relative paths",
        )
    if size > options.max_member_bytes:
        return TooLarge(
            f"member is {size:,} bytes uncompressed, over max_member_bytes ({options.max_member_bytes:,})",
            source=source,
            hint="raise --max-member-mb or split the archive",
        )
    return None


def _capped(stream: Readable, source: str, options: Options) -> bytes | InputError:
    try:
        return read_capped(stream, options.max_member_bytes, source, "max_member_bytes")
    except TooLarge as exc:
        return exc


def _zip_members(blob: Blob, options: Options) -> Iterator[tuple[str, bytes] | InputError]:
    with blob.open() as stream, zipfile.ZipFile(stream) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            source = f"{blob.source}!{display(info.filename)}"
            refusal = _refusal(source, info.filename, info.file_size, options)
            if refusal is not None:
                yield refusal
                continue
            if info.flag_bits & 0x1:
                yield UnsupportedFormat(
                    "member is encrypted (password-protected); not read", source=source, hint="unpack it first"
                )
                continue
            try:
                with zf.open(info) as member:  # the declared size may lie: read capped
                    data = _capped(member, source, options)
            except (NotImplementedError, RuntimeError) as exc:  # a compression method zipfile lacks (AES: 99)
                yield UnsupportedFormat(
                    f"member cannot be unpacked: {exc}", source=source, hint="repack it with deflate"
                )
                continue
            yield data if isinstance(data, InputError) else (info.filename, data)


def _tar_members(blob: Blob, options: Options) -> Iterator[tuple[str, bytes] | InputError]:
    with blob.open() as stream, tarfile.open(fileobj=stream, mode="r:*") as tf:
        for info in tf:
            source = f"{blob.source}!{display(info.name)}"
            if info.isdir():
                continue
            refusal = _refusal(source, info.name, info.size, options)
            if refusal is None and not info.isfile():
                refusal = UnsafeArchive(
                    "member is a link or device file, not a regular file",
                    source=source,
                    hint="refused for safety; archive the file itself",
                )
            member = tf.extractfile(info) if refusal is None else None
            if member is None:
                if refusal is not None:
                    yield refusal
                continue
            data = _capped(member, source, options)
            if isinstance(data, bytes) and len(data) < info.size:
                raise EOFError(f"member {info.name} is cut short")
            yield data if isinstance(data, InputError) else (info.name, data)


def _gz_member(blob: Blob, options: Options) -> Iterator[tuple[str, bytes] | InputError]:
    inner = blob.name[:-3] if blob.name.lower().endswith(".gz") else blob.name + ".out"
    inner = PurePosixPath(inner.replace("\\", "/")).name
    with blob.open() as stream, gzip.GzipFile(fileobj=stream) as gz:
        data = _capped(gz, f"{blob.source}!{inner}", options)
    yield data if isinstance(data, InputError) else (inner, data)

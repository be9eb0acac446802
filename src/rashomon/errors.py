"""One exception hierarchy. Messages say what went wrong, where, and how to fix it.

Codes are stable so users can search them:
E1xx input/reader errors (reported per file, the batch goes on), E2xx store errors,
E3xx usage/configuration errors, E4xx model errors (E402: an extractor failed on one
document; recorded as a :class:`~rashomon.records.ExtractionError`, never raised: the run goes on).
"""

from __future__ import annotations


class RashomonError(Exception):
    code = "E000"

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None):
        self.message = message
        self.source = source
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.reason}"

    @property
    def reason(self) -> str:
        """The message with its hint, as an error record shows it beside its source and code."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class InputError(RashomonError, ValueError):
    """A single input file/record cannot be read. Reported, skipped, never fatal."""

    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class DecodeError(InputError):
    code = "E103"


class TooLarge(InputError):
    code = "E104"


class UnsafeArchive(InputError):
    code = "E105"


class CorruptInput(InputError):
    code = "E106"


class MissingField(InputError):
    code = "E107"


class NoText(InputError):
    code = "E108"


class UnsupportedFormat(InputError):
    code = "E109"


class StoreError(RashomonError, RuntimeError):
    code = "E200"


class StoreBusy(StoreError):
    code = "E201"


class SchemaTooNew(StoreError):
    code = "E202"


class ReadOnlyQuery(StoreError):
    code = "E203"


class NotAStore(StoreError):
    """The file is a DuckDB database, but not a Rashomon store (its tables are someone else's)."""

    code = "E204"


class StoreDamaged(StoreError):
    """The store file cannot be read: truncated, its header overwritten, not a DuckDB file at all."""

    code = "E205"


class UsageError(RashomonError, ValueError):
    code = "E300"


class RayUnavailable(RashomonError, RuntimeError):
    """The Ray engine was asked for, but ``ray[data]`` cannot be imported."""

    code = "E301"


class ModelNotFound(RashomonError, OSError):
    code = "E400"


class WorkerCrashed(RashomonError, RuntimeError):
    """An extraction worker process died (killed for memory, or a crash in native code)."""

    code = "E401"

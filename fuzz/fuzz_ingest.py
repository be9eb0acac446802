"""Coverage-guided fuzzing of ingest (readers + cleaning) with atheris. Opt-in, long-running.

    pip install -e '.[fuzz]'
    python fuzz/fuzz_ingest.py -atheris_runs=200000 -max_len=65536 fuzz/corpus   # corpus folder optional

The first input byte picks the file extension (so every reader and the sniffer get
inputs), the rest is the file's content. The contract checked on every input is the one
in ``fuzz/contract.py``, shared with the hypothesis tests.

A crash found here becomes a regression test in ``tests/ingest/test_fuzz.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))
with atheris.instrument_imports(include=["rashomon"]):  # our code only: fast start
    from contract import EXTENSIONS, ingest_path

WORK = Path(tempfile.mkdtemp(prefix="rashomon-fuzz-"))


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = WORK / f"input{EXTENSIONS[data[0] % len(EXTENSIONS)]}"
    path.write_bytes(data[1:])
    ingest_path(path)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Shared helpers: the repository's sample pages and, when built, the command line."""

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir() if (p / "source.html").exists())


def source(name: str) -> bytes:
    return (SAMPLES / name / "source.html").read_bytes()


def expected(name: str, file: str = "expected.txt") -> str:
    return (SAMPLES / name / file).read_text(encoding="utf-8")


def cli_binary():
    """The `unchaff` binary: $UNCHAFF_BIN (which must exist when set), else a built one."""
    named = os.environ.get("UNCHAFF_BIN")
    if named:
        if not Path(named).is_file():
            raise FileNotFoundError(f"UNCHAFF_BIN={named} does not exist")
        return named
    for profile in ("release", "debug"):
        built = ROOT / "target" / profile / "unchaff"
        if built.is_file():
            return str(built)
    return shutil.which("unchaff")


@pytest.fixture(scope="session")
def cli():
    binary = cli_binary()
    if binary is None:
        pytest.skip("the unchaff binary is not built (cargo build, or set UNCHAFF_BIN)")
    return binary

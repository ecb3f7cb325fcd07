"""Reading source texts: one clear error for anything that is not Polish plain text."""
from __future__ import annotations

from pathlib import Path

CONTROL_OK = set("\n\r\t\f")


class SourceError(ValueError):
    """A source text that cannot be read; the message names the file and the problem."""


def check_text(data: bytes, name: str, limit: int | None = None) -> str:
    if limit is not None and len(data) > limit:
        raise SourceError(f"{name}: {len(data):,} bytes is over the limit of {limit:,} bytes")
    if b"\x00" in data[:65536]:
        raise SourceError(f"{name}: binary file (contains NUL bytes), not a text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceError(f"{name}: not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start})") from None
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in CONTROL_OK)
    if controls > max(8, len(text[:65536]) // 100):
        raise SourceError(f"{name}: looks binary ({controls} control characters), not a text")
    return text


def read_source(path: str | Path) -> str:
    path = Path(path)
    if not path.exists():
        raise SourceError(f"{path}: no such file")
    if path.is_dir():
        raise SourceError(f"{path}: is a directory, not a text file")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise SourceError(f"{path}: cannot read ({e.strerror})") from None
    return check_text(data, str(path))

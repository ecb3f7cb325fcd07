"""Reading source texts: one clear error for anything that is not Polish plain text."""
from __future__ import annotations

import logging
from pathlib import Path

CONTROL_OK = set("\n\r\t\f")
POLISH_LETTERS = set("ąćęłńśźżĄĆĘŁŃŚŹŻ")  # not ó: ISO-8859-2 and Latin-1 share it


def _table(wrong: str, right: str) -> dict[int, str]:
    """Each character a byte of `right` became when read as `wrong`, mapped back to the character it was."""
    table = {}
    for byte in range(0x80, 0x100):
        try:
            table[ord(bytes([byte]).decode(wrong))] = bytes([byte]).decode(right)
        except UnicodeDecodeError:
            pass
    return table


# A Polish page in a legacy encoding read as the Western one: each byte became another character, one for one
MISREAD = {"ISO-8859-2 read as Latin-1": _table("latin-1", "iso-8859-2"),
           "Windows-1250 read as Windows-1252": _table("cp1252", "cp1250")}

log = logging.getLogger("kronika.source")


def repaired(text: str) -> tuple[str, str | None]:
    """The text with a legacy Polish encoding undone where it was read as a Western one ("Miêdzyszkolny
    Klub", "O¶rodek" → "Międzyszkolny Klub", "Ośrodek"), and how; as it is when it holds any Polish letter
    already or the repair does not make it Polish. Character for character: offsets stay as they were."""
    sample = text[:65536]
    if any(c in POLISH_LETTERS for c in sample):
        return text, None
    letters = sum(c.isalpha() for c in sample) or 1
    best, how, most = text, None, 0
    for name, table in MISREAD.items():
        polish = sum(c in POLISH_LETTERS for c in sample.translate(table))
        if polish >= max(3, 0.02 * letters) and polish > most:
            best, how, most = text.translate(table), name, polish
    return best, how


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
    text, how = repaired(text)
    if how is not None:
        log.warning("%s: a Polish text in %s, repaired", name, how)
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

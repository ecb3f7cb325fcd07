"""Real Polish text for benchmarks: NKJP 1M documents rebuilt as plain text."""
from __future__ import annotations

import os
from pathlib import Path

from extract.train_ner import DEFAULT_IOB, NO_SPACE_AFTER, NO_SPACE_BEFORE, documents


def nkjp_texts(min_bytes: int) -> list[str]:
    """Whole NKJP documents, in corpus order, until at least `min_bytes` of UTF-8 text."""
    source = Path(os.environ.get("NKJP_IOB", DEFAULT_IOB))
    if not source.exists():
        raise SystemExit(f"{source}: NKJP IOB file not found (set NKJP_IOB)")
    texts, size = [], 0
    for _doc_id, sentences in documents(source):
        paragraph = []
        for sentence in sentences:
            out = ""
            for w in (w for w, _ in sentence):
                space = out and w[:1] not in NO_SPACE_BEFORE and out[-1:] not in NO_SPACE_AFTER
                out += (" " if space else "") + w
            paragraph.append(out)
        text = " ".join(paragraph)
        texts.append(text)
        size += len(text.encode())
        if size >= min_bytes:
            break
    return texts

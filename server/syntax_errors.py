"""SPARQL syntax errors a person can read.

The store's parser reports the furthest point it reached and every token it could have taken
there ("expected one of ABS, AVG, DAY, …, ['\\u{00C0}'..=…]"). This turns that into one line: where
(line and column), what is wrong there, and what would fit — and recognises the common mistakes
whose report points elsewhere (an undeclared prefix, a misspelt query form, a selected variable
that GROUP BY leaves unbound).
"""
from __future__ import annotations

import re

from graph.vocab import IRIREF

from .query_guard import string_end

POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.S)
PREFIX_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.\-]*)?:", re.I)
PREFIXED_NAME = re.compile(r"(?<![\w?$:])([A-Za-z][\w.\-]*)?:(?=[\w%\\])")
QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")
FUNCTIONS = {"ABS", "AVG", "DAY", "IRI", "MAX", "MD5", "MIN", "NOW", "STR", "SUM", "URI", "STRBEFORE", "STRSTARTS",
             "isLITERAL", "isNUMERIC", "PREDICATE", "LANG", "BOUND", "COUNT", "REGEX", "CONCAT"}
MAX_SHOWN = 8


def explain(query: str, message: str) -> str:
    """One line for `message`, the store's SyntaxError about `query`."""
    m = POSITION.match(message)
    if not m:
        return "SPARQL syntax error: " + " ".join(message.split())[:300]
    line, column, expected = int(m.group(1)), _char_column(query, int(m.group(1)), int(m.group(2))), m.group(3)
    known = _known_mistake(query, expected)
    if known:
        reason, at = known
        if at is not None:
            line, column = query.count("\n", 0, at) + 1, at - (query.rfind("\n", 0, at) + 1) + 1
    else:
        reason = _unexpected(query, line, column, expected)
    return f"SPARQL syntax error at line {line}, column {column}: {reason}"


def _char_column(query: str, line: int, byte_column: int) -> int:
    """The store counts columns in UTF-8 bytes; people count characters."""
    lines = query.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(text.encode()[:byte_column - 1].decode(errors="ignore")) + 1


def _code(query: str) -> str:
    """The query with strings, IRIs and comments blanked out (same length), so patterns see only syntax."""
    out, i, n = list(query), 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            end = n if end < 0 else end
        elif c in "'\"":
            end = string_end(query, i)
        elif c == "<" and (iri := IRIREF.match(query, i)):
            end = iri.end()
        else:
            i += 1
            continue
        out[i:end] = " " * (end - i)
        i = end
    return "".join(out)


def _known_mistake(query: str, expected: str) -> tuple[str, int | None] | None:
    """A mistake the store's report does not name well: (what is wrong, where, if known)."""
    for sentence in re.findall(r"(?:^|, )([A-Z][a-z]+(?: [\w?$]+){2,})", expected):
        if "unbound" in sentence and re.search(r"\bGROUP\s+BY\b", query, re.I):
            return ("with GROUP BY, every selected variable must be grouped or aggregated "
                    "(e.g. SAMPLE(?x) AS ?x1, or add it to GROUP BY)", None)
        return sentence[0].lower() + sentence[1:], None
    code = _code(query)
    unbalanced = _unbalanced(code)
    if unbalanced:
        return unbalanced
    declared = {p or "" for p in PREFIX_DECL.findall(code)}
    for used in PREFIXED_NAME.finditer(code):
        prefix = used.group(1) or ""
        if prefix not in declared and not _in_declaration(code, used.start()):
            return f"the prefix {prefix}: is not declared; add PREFIX {prefix}: <…> before the query", used.start()
    words = [(w.group(0), w.start()) for w in re.finditer(r"[A-Za-z]+", code)]
    while words and words[0][0].upper() in ("PREFIX", "BASE"):
        words = words[2:] if words[0][0].upper() == "PREFIX" and len(words) > 1 and \
            code[words[1][1] + len(words[1][0]):].startswith(":") else words[1:]
    if words and words[0][0].upper() not in QUERY_FORMS:
        return (f"a query starts with {', '.join(QUERY_FORMS[:-1])} or {QUERY_FORMS[-1]} (after PREFIX and BASE), "
                f"not {words[0][0]!r}", words[0][1])
    return None


def _unbalanced(code: str) -> tuple[str, int] | None:
    pairs, stack = {")": "(", "]": "[", "}": "{"}, []
    for i, c in enumerate(code):
        if c in "([{":
            stack.append((c, i))
        elif c in pairs:
            if not stack:
                return f"{c!r} closes nothing: no {pairs[c]!r} is open", i
            opened, at = stack.pop()
            if opened != pairs[c]:
                return f"{c!r} where {opened!r} (line {code.count(chr(10), 0, at) + 1}) should be closed first", i
    if stack:
        opened, at = stack[-1]
        return f"{opened!r} is never closed", at
    return None


def _in_declaration(code: str, at: int) -> bool:
    return bool(re.search(r"\bPREFIX\s+$", code[max(0, at - 40):at], re.I))


def _unexpected(query: str, line: int, column: int, expected: str) -> str:
    lines = query.split("\n")
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    rest = text[column - 1:].strip()
    if not rest and line >= len(lines):
        found = "the query ends too early"
    else:
        token = re.match(r"[\w?$:.\-]+|\S", rest)
        found = f"unexpected {token.group(0)!r}" if token else "unexpected end of line"
    fitting = _expected(expected)
    return f"{found}; expected {fitting}" if fitting else found


def _expected(expected: str) -> str:
    """The parser's alternatives, readable: character classes and 'any character' dropped,
    variables, IRIs and function names summarised."""
    items = re.split(r",\s*(?![^\[]*\])", expected.removeprefix("expected one of").removeprefix("expected"))
    shown, kinds = [], []
    for item in (i.strip() for i in items):
        if not item or item.startswith("["):
            continue
        bare = item.strip('"')
        if bare in ("?", "$"):
            kinds.append("a variable")
        elif bare == "<":
            kinds.append("an IRI")
        elif bare == ":":
            kinds.append("a prefixed name")
        elif bare in FUNCTIONS:
            kinds.append("an expression")
        else:
            shown.append(f"'{bare}'" if item.startswith('"') else bare)
    parts = list(dict.fromkeys(kinds)) + shown[:MAX_SHOWN] + (["…"] if len(shown) > MAX_SHOWN else [])
    return ", ".join(parts)

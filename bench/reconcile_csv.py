"""Reconcile a CSV of names against a Kronika site as OpenRefine does: read the service manifest, send
the names in batches of queries (JSON in a form field `queries`, POSTed form-encoded), write the CSV
back with the best candidate of each row.

    python bench/reconcile_csv.py names.csv --service http://127.0.0.1:5000/reconcile --column name \\
        [--type person] [--property role=office] [--batch 10] [-o reconciled.csv]

Each `--property PID=COLUMN` sends that column's value as a property constraint (the service lists its
properties at /reconcile/suggest/property). Added columns: kronika_id, kronika_name, kronika_iri,
kronika_score, kronika_match (empty when there is no candidate).
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable

OPENREFINE_BATCH = 10  # what OpenRefine sends at once, unless the service asks for fewer
ADDED = ("kronika_id", "kronika_name", "kronika_iri", "kronika_score", "kronika_match")
Http = Callable[[str, str, dict | None], dict]  # (method, url, form or None) -> JSON answer


def urllib_http(method: str, url: str, form: dict | None) -> dict:
    body = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(url, data=body, method=method, headers={"Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)


def query_of(row: dict, column: str, type_: str | None, properties: list[tuple[str, str]]) -> dict:
    """One row as OpenRefine words a query: the name, the type with type_strict "should", and the
    properties whose columns have a value."""
    query: dict = {"query": row[column].strip()}
    if type_:
        query.update(type=type_, type_strict="should")
    constraints = [{"pid": pid, "v": row[col].strip()} for pid, col in properties if row.get(col, "").strip()]
    if constraints:
        query["properties"] = constraints
    return query


def reconcile_rows(rows: Iterable[dict], service: str, column: str, http: Http = urllib_http,
                   type_: str | None = None, properties: list[tuple[str, str]] = (), batch: int = OPENREFINE_BATCH):
    """Yield each row with the best candidate's columns added; rows without a name are passed through."""
    manifest = http("GET", service, None)
    size = max(1, min(batch, manifest.get("batchSize", batch)))
    space = manifest["identifierSpace"]
    pending: list[dict] = []

    def send(chunk: list[dict]):
        queries = {f"q{n}": query_of(row, column, type_, properties) for n, row in enumerate(chunk)
                   if row[column].strip()}
        answers = http("POST", service, {"queries": json.dumps(queries)}) if queries else {}
        for n, row in enumerate(chunk):
            best = (answers.get(f"q{n}", {}).get("result") or [None])[0]
            yield {**row, **(dict.fromkeys(ADDED, "") if best is None else {
                "kronika_id": best["id"], "kronika_name": best["name"], "kronika_iri": space + best["id"],
                "kronika_score": best["score"], "kronika_match": "true" if best.get("match") else "false"})}

    for row in rows:
        pending.append(row)
        if len(pending) == size:
            yield from send(pending)
            pending = []
    if pending:
        yield from send(pending)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("csv", type=argparse.FileType("r", encoding="utf-8"))
    ap.add_argument("--service", required=True, help="the /reconcile URL")
    ap.add_argument("--column", default="name", help="the column of names (default: name)")
    ap.add_argument("--type", help="person, organisation, place or event")
    ap.add_argument("--property", action="append", default=[], metavar="PID=COLUMN")
    ap.add_argument("--batch", type=int, default=OPENREFINE_BATCH)
    ap.add_argument("-o", "--output", type=argparse.FileType("w", encoding="utf-8"), default=sys.stdout)
    args = ap.parse_args(argv)
    properties = [tuple(p.split("=", 1)) for p in args.property]
    if any(len(p) != 2 for p in properties):
        ap.error("--property takes PID=COLUMN")
    reader = csv.DictReader(args.csv)
    if args.column not in (reader.fieldnames or []):
        ap.error(f"no column {args.column!r} in {args.csv.name} (columns: {', '.join(reader.fieldnames or [])})")
    writer = csv.DictWriter(args.output, fieldnames=[*reader.fieldnames, *ADDED])
    writer.writeheader()
    writer.writerows(reconcile_rows(reader, args.service, args.column, type_=args.type, properties=properties,
                                    batch=args.batch))


if __name__ == "__main__":
    main()

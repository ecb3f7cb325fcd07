"""Say whether a host may give a new passage to the development set.

    python bench/realtexts/hosts.py HOST [HOST ...]

A host is taken when a gold file's `source.publisher` or `source.url` names it, or when a
claim file (`texts/.claimed`, ignored by git) lists it: annotators working at once claim a
host there first (`--claim`) so that two of them never take the same one. Reserved hosts
(kept for independent evaluation) and their subdomains are never free.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
CLAIMS = HERE / "texts" / ".claimed"
RESERVED = ("katowice.eu", "krakow.pl", "gdansk.pl", "poznan.pl", "bielsko.biala.pl",
            "paczkow.pl", "konstancinjeziorna.pl", "erzeszow.pl")


def bare(host: str) -> str:
    host = host.strip().lower()
    if "//" in host:
        host = urlparse(host).netloc
    host = host.split("/")[0].split(":")[0]
    return host[4:] if host.startswith("www.") else host


def taken() -> dict[str, str]:
    hosts = {}
    for path in sorted((HERE / "gold").glob("*.json")):
        source = json.loads(path.read_text(encoding="utf-8")).get("source", {})
        for name in (source.get("publisher", ""), source.get("url", "")):
            if name:
                hosts[bare(name)] = path.stem
    if CLAIMS.exists():
        for line in CLAIMS.read_text(encoding="utf-8").split():
            hosts.setdefault(bare(line), "claimed")
    return hosts


def verdict(host: str, hosts: dict[str, str]) -> str | None:
    """Why the host is not free, or None. A host whose name merely ends in a reserved one ("radiogdansk.pl") is
    refused too: its pages may be the reserved site's under another name, and a check by name cannot tell."""
    for reserved in RESERVED:
        if host.endswith(reserved):
            return f"reserved ({reserved})"
    if host in hosts:
        return f"taken by {hosts[host]}"
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("hosts", nargs="+")
    ap.add_argument("--claim", action="store_true", help="claim each free host at once")
    args = ap.parse_args(argv)
    hosts = taken()
    for name in args.hosts:
        host = bare(name)
        why = verdict(host, hosts)
        if why is None and args.claim:
            CLAIMS.parent.mkdir(exist_ok=True)
            with CLAIMS.open("a", encoding="utf-8") as claims:
                claims.write(host + "\n")
            hosts[host] = "claimed"
            print(f"{host}: FREE, claimed")
        else:
            print(f"{host}: {'FREE' if why is None else why}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The `kronika` command."""
from __future__ import annotations

import sys
from pathlib import Path

import click
from tqdm import tqdm

from . import config as config_module


def fail(message: str) -> None:
    click.echo(f"kronika: {message}", err=True)
    sys.exit(1)


@click.group()
@click.option("--base", envvar="KRONIKA_BASE", default=None,
              help="Base IRI of the dataset (default http://HOST:PORT/ of the site: http://127.0.0.1:5000/).")
@click.pass_context
def cli(ctx, base):
    """Kronika: Polish historical texts → linked data."""
    ctx.obj = {"BASE": base} if base else {}


def settings(ctx, **overrides) -> dict:
    return config_module.load({**ctx.obj, **{k: v for k, v in overrides.items() if v is not None}})


def open_store(cfg: dict, read_only: bool = False):
    """The configured store: a directory (embedded Oxigraph) or a remote SPARQL 1.1 store."""
    from graph.remote import Endpoints
    from graph.store import Store
    from graph.vocab import Base
    remote = config_module.is_remote(cfg["STORE"])
    return Store(cfg["STORE"], Base(cfg["BASE"]), read_only=read_only and not remote,
                 endpoints=Endpoints.from_config(cfg) if remote else None,
                 queue_index=config_module.queue_index(cfg))


def require_store(cfg: dict) -> None:
    if not config_module.is_remote(cfg["STORE"]) and not Path(cfg["STORE"]).exists():
        fail(f"{cfg['STORE']}: no store here; run `kronika build` first")


def store_base(cfg: dict) -> str | None:
    """The base IRI the store's IRIs were minted under (None: an empty store). Read in a child process:
    RocksDB opened in a process that forks afterwards (gunicorn's master) leaves the forked workers'
    stores unable to close, so their first write never returns. A remote store is asked over HTTP."""
    import subprocess
    if config_module.is_remote(cfg["STORE"]):
        return open_store(cfg).built_for()
    done = subprocess.run([sys.executable, "-m", "graph.base_marker", cfg["STORE"], cfg["BASE"]],
                          capture_output=True, text=True)
    if done.returncode:
        fail(f"{cfg['STORE']}: cannot read the store: {done.stderr.strip().splitlines()[-1:]}")
    return done.stdout.strip() or None


def prepare_queue(cfg: dict) -> None:
    """Bring the review queue's index up to the store before serving, so no web request rebuilds it
    (in a child process, for the reason `store_base` gives)."""
    import subprocess
    if config_module.is_remote(cfg["STORE"]):
        open_store(cfg).queue()
        return
    done = subprocess.run([sys.executable, "-m", "graph.queue_index", cfg["STORE"], cfg["BASE"]],
                          capture_output=True, text=True)
    if done.returncode:
        fail(f"{cfg['STORE']}: cannot index the review queue: {done.stderr.strip().splitlines()[-1:]}")


def prepare_gazetteer() -> None:
    """Build the GeoNames index where this machine has none yet (once: seconds and 600 MB), in a child
    process, so that no upload through the desk pays for it inside a web request."""
    import subprocess
    from extract.gazetteer import index_path
    if not index_path().exists():
        subprocess.run([sys.executable, "-c", "from extract.gazetteer import gazetteer; gazetteer()"], check=False)


def rebase_if_moved(cfg: dict) -> None:
    """A store built for another base is moved to this one before a build, keeping every decision."""
    from graph.rebase import rebase

    remote = config_module.is_remote(cfg["STORE"])
    if not remote and not Path(cfg["STORE"]).exists():
        return
    old = store_base(cfg)
    if old and old != cfg["BASE"] and remote:
        fail(f"the remote store {cfg['STORE']} holds IRIs under {old}, not {cfg['BASE']}: set KRONIKA_BASE={old}, "
             "or export it, move it into an embedded store with `kronika build`, and load that")
    if old and old != cfg["BASE"]:
        click.echo(f"store {cfg['STORE']} was built for {old}; moving its IRIs to {cfg['BASE']}", err=True)
        moved = rebase(cfg["STORE"], old, cfg["BASE"])
        click.echo(f"{moved:,} quads moved to {cfg['BASE']}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Output file: .trig, .nq, .ttl, .nt or .jsonld.")
@click.pass_context
def extract(ctx, files, output):
    """Extract every fact of FILES (pending review included) with provenance; no store needed."""
    from extract.source import SourceError, read_source
    from graph.build import FORMATS, write_extraction
    from graph.facts import FactBuilder
    import extract as extractor

    if output.suffix.lower() not in FORMATS:
        fail(f"{output}: unknown output format {output.suffix!r}; use one of {', '.join(FORMATS)}")
    if output.is_dir():
        fail(f"{output}: is a directory")
    if not output.parent.exists():
        fail(f"{output}: directory {output.parent} does not exist")
    from graph.vocab import Base

    for path in files:  # every input checked before anything is written
        try:
            read_source(path)
        except SourceError as e:
            fail(str(e))

    def documents():
        """Each file read when the output reaches it, so one text at a time is in memory."""
        for path in files:
            text = read_source(path)
            with tqdm(total=len(text), unit="char", unit_scale=True, desc=path.name, file=sys.stderr,
                      disable=None, leave=False) as bar:
                yield path.name, text, extractor.read_chunks(text, bar.update)

    try:
        count = write_extraction(documents(), FactBuilder(Base(settings(ctx)["BASE"])), output)
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror})")
    click.echo(f"{count} facts from {len(files)} file(s) written to {output}", err=True)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "html"]), default="jsonl",
              help="jsonl: one mention a line, for tools; html: the text with mentions highlighted.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Write here instead of stdout.")
def ner(file, fmt, output):
    """Every entity mention of FILE with its character offsets and label."""
    import json
    from spacy import displacy

    import extract as extractor
    from extract.source import SourceError, read_source

    try:
        text = read_source(file)
    except SourceError as e:
        fail(str(e))
    found = extractor.text_mentions(text)
    if fmt == "jsonl":
        body = "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in found)
    else:
        ents = [{"start": m["start"], "end": m["end"], "label": m["label"]} for m in found]
        body = displacy.render({"text": text, "ents": ents, "title": file.name}, style="ent", manual=True, page=True)
    if output:
        try:
            output.write_text(body, encoding="utf-8")
        except OSError as e:
            fail(f"{output}: cannot write ({e.strerror})")
    else:
        click.echo(body, nl=False)


@cli.command()
@click.option("--corpus", type=click.Path(path_type=Path), default=None, help="Directory of .txt files (default corpus/).")
@click.option("--store", default=None, help="Store directory (default data/store).")
@click.option("--force", is_flag=True, help="Re-extract documents even when unchanged.")
@click.option("--jobs", type=int, default=1, show_default=True, help="Extraction processes.")
@click.option("--cluster", default=None,
              help="Extract on Dask: a scheduler's tcp://host:port, or local:N worker processes (KRONIKA_CLUSTER).")
@click.pass_context
def build(ctx, corpus, store, force, jobs, cluster):
    """Extract, validate and load the corpus into the store; unchanged documents are skipped."""
    from contextlib import nullcontext

    from graph.build import build_corpus
    from graph.cluster import ClusterError, connected

    cfg = settings(ctx, STORE=store, CORPUS=str(corpus) if corpus else None, CLUSTER=cluster)
    corpus_dir = Path(cfg["CORPUS"])
    if not corpus_dir.is_dir():
        fail(f"{corpus_dir}: corpus directory not found")
    files = sorted(corpus_dir.glob("*.txt"))
    if not files:
        fail(f"{corpus_dir}: no .txt files")
    if cfg["CLUSTER"] and jobs > 1:
        fail("--jobs and --cluster exclude each other: the cluster's workers are the jobs")
    cluster_client = connected(cfg["CLUSTER"]) if cfg["CLUSTER"] else nullcontext()
    try:
        with cluster_client as client:  # reached before the store is touched: an unusable cluster changes nothing
            rebase_if_moved(cfg)
            s = open_store(cfg)
            with tqdm(total=len(files), unit="doc", file=sys.stderr, disable=None, leave=False) as bar:
                result = build_corpus(s, files, echo=lambda m: bar.write(m, file=sys.stderr), force=force,
                                      jobs=max(1, jobs), progress=bar.update, cluster=client,
                                      load_batch=max(1, cfg["LOAD_BATCH"]))
    except ClusterError as e:
        fail(str(e))
    for error in result.errors:
        click.echo(f"kronika: {error}", err=True)
    for fact, messages in result.refused.items():
        click.echo(f"refused: {fact}", err=True)
        for m in messages:
            click.echo(f"    {m}", err=True)
    if result.skipped:
        click.echo(f"unchanged, skipped: {', '.join(result.skipped)}", err=True)
    s.queue()  # the review queue's index, rebuilt here if the store was written around it
    click.echo(f"store {cfg['STORE']} ready", err=True)
    if result.errors:
        sys.exit(1)


@cli.command()
@click.option("--store", default=None, help="Store directory (default data/store).")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Parts validated side by side, one process each (default: one per core).")
@click.pass_context
def validate(ctx, store, jobs):
    """SHACL report of the store, per fact; exit 1 on violations."""
    from graph.validate import validate_store

    cfg = settings(ctx, STORE=store)
    require_store(cfg)
    s = open_store(cfg, read_only=True)
    report = validate_store(s, jobs)
    violations = 0
    for fact, messages in sorted(report.items()):
        click.echo(f"{fact}")
        for m in messages:
            click.echo(f"    {m}")
            violations += m.severity == "Violation"
    click.echo(f"{violations} violation(s), {sum(len(v) for v in report.values()) - violations} warning(s)")
    sys.exit(1 if violations else 0)


@cli.command()
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="Public dataset: .trig or .nq (one graph per fact), .ttl or .nt (the public default graph); .gz allowed.")
@click.option("--provenance", type=click.Path(path_type=Path), default=None,
              help="Also write provenance, review states and the audit trail here (.trig, .nq, .ttl, .nt).")
@click.option("--store", default=None, help="Store directory (default data/store).")
@click.pass_context
def export(ctx, output, provenance, store):
    """Write the public dataset (and, separately, its provenance)."""
    from graph.export import export_provenance, export_public, rdf_format

    cfg = settings(ctx, STORE=store)
    require_store(cfg)
    for path in filter(None, (output, provenance)):
        try:
            rdf_format(path)
        except ValueError as e:
            fail(str(e))
        if not path.parent.exists():
            fail(f"{path}: directory {path.parent} does not exist")
    s = open_store(cfg, read_only=True)
    try:
        export_public(s, output)
        if provenance:
            export_provenance(s, provenance)
    except OSError as e:
        fail(f"cannot write: {e}")
    click.echo(f"public dataset written to {output}" + (f", provenance to {provenance}" if provenance else ""), err=True)


@cli.command()
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1; KRONIKA_HOST).")
@click.option("--port", type=int, default=None, help="Port (default 5000; KRONIKA_PORT).")
@click.option("--workers", type=int, default=None, help="gunicorn worker processes (default 2 × cores + 1).")
@click.option("--store", default=None, help="Store directory (default data/store).")
@click.option("--writer/--no-writer", default=True, show_default=True,
              help="Keep an embedded store open for writing in one process that takes every worker's writes "
                   "(a decision then pays no open, flush and close of the store); without it each write opens the store.")
@click.pass_context
def serve(ctx, host, port, workers, store, writer):
    """Serve the store with gunicorn."""
    from .wsgi import serve as run

    cfg = settings(ctx, HOST=host, PORT=port, WORKERS=workers, STORE=store)
    require_store(cfg)
    built_for = store_base(cfg)
    if built_for and built_for != cfg["BASE"]:
        fail(f"{cfg['STORE']} was built for {built_for}, but this site's base is {cfg['BASE']}: none of its IRIs "
             f"would lead here. Run `kronika build --store {cfg['STORE']}` with the same KRONIKA_BASE/KRONIKA_PORT "
             f"(it moves the store's IRIs, keeping every decision), or serve with KRONIKA_BASE={built_for}")
    prepare_queue(cfg)
    prepare_gazetteer()
    if writer:
        start_writer(cfg)
    click.echo(f"Kronika serving {cfg['STORE']} on http://{cfg['HOST']}:{cfg['PORT']}/", err=True)
    run(cfg)


def start_writer(cfg: dict) -> None:
    """The store's writer process (graph/writer.py) for an embedded store, started before gunicorn forks its
    workers: they inherit the end of its lifeline this process holds, and it ends once all of them have."""
    from graph.writer import start
    if not config_module.is_remote(cfg["STORE"]):
        start(cfg["STORE"])


@cli.group()
def curator():
    """Curator accounts for the review desk."""


def curators(ctx):
    from .curators import Curators
    cfg = settings(ctx)
    return Curators(cfg["CURATORS"] or config_module.beside_store(cfg, "-curators.sqlite"))


def curators_store(f):
    """`--store` on each curator command: whose accounts (they live beside the store)."""
    def remember(ctx, _param, value):
        if value:
            ctx.obj["STORE"] = value
    return click.option("--store", default=None, expose_value=False, callback=remember,
                        help="Store whose accounts to change (default data/store).")(f)


def read_password() -> str:
    """Asked for twice at a terminal; otherwise the first line of standard input (for scripts)."""
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@curator.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(["curator", "admin"]), default="curator")
@curators_store
@click.pass_context
def curator_add(ctx, name, role):
    """Add a curator; the password is asked for, or read from standard input."""
    from .curators import CuratorError
    password = read_password()
    try:
        curators(ctx).add(name, password, role)
    except CuratorError as e:
        fail(str(e))
    click.echo(f"curator {name} ({role}) added", err=True)


@curator.command("list")
@curators_store
@click.pass_context
def curator_list(ctx):
    """List curators."""
    for c in curators(ctx).list():
        click.echo(f"{c.name}\t{c.role}\t{'disabled' if c.disabled else 'active'}")


@curator.command("disable")
@click.argument("name")
@curators_store
@click.pass_context
def curator_disable(ctx, name):
    """Disable a curator (their sessions and token stop working)."""
    from .curators import CuratorError
    try:
        curators(ctx).disable(name)
    except CuratorError as e:
        fail(str(e))
    click.echo(f"curator {name} disabled", err=True)


@curator.command("password")
@click.argument("name")
@curators_store
@click.pass_context
def curator_password(ctx, name):
    """Set a curator's password (asked for, or read from standard input); their sessions end."""
    from .curators import CuratorError
    password = read_password()
    try:
        curators(ctx).set_password(name, password)
    except CuratorError as e:
        fail(str(e))
    click.echo(f"password of {name} changed; their sessions have ended", err=True)


@curator.command("token")
@click.argument("name")
@curators_store
@click.pass_context
def curator_token(ctx, name):
    """Issue a new API token for scripts (printed once)."""
    from .curators import CuratorError
    try:
        click.echo(curators(ctx).new_token(name))
    except CuratorError as e:
        fail(str(e))


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--store", default=None, help="Store directory (default data/store).")
@click.option("--replace", is_flag=True,
              help="Replace the document of the same name (its text is kept as an earlier version); "
                   "without it, a different text of that name becomes a new document.")
@click.pass_context
def ingest(ctx, file, store, replace):
    """Extract one new text, validate it and queue its facts for review."""
    from extract.source import SourceError, check_text
    from graph.build import ingest_text

    cfg = settings(ctx, STORE=store)
    require_store(cfg)
    try:
        if not file.exists() or file.is_dir():
            raise SourceError(f"{file}: no such file" if not file.exists() else f"{file}: is a directory, not a text file")
        text = check_text(file.read_bytes(), str(file), limit=cfg["UPLOAD_LIMIT"])
    except SourceError as e:
        fail(str(e))
    report, checked = ingest_text(open_store(cfg), file.name, text, replace=replace)
    click.echo(f"{file.name}: {report.added} new facts queued, {report.unchanged} unchanged, {len(checked.refused)} refused",
               err=True)


def main():
    from graph.store import StoreBusy
    try:
        cli(prog_name="kronika")
    except StoreBusy as e:
        fail(f"{e}; nothing was changed, try again when it is done")

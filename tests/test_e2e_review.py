"""The review desk through a real gunicorn server: durability across SIGKILL, and a curator in Chromium."""
from __future__ import annotations

import re
import signal

import pytest
import requests

from server.curators import Curators

from .conftest import free_port, start_server, stop_server

pytestmark = pytest.mark.e2e
PASSWORD = "tajne-haslo-1"


@pytest.fixture
def curated_store(store_copy):
    Curators(str(store_copy) + "-curators.sqlite").add("anna", PASSWORD)
    return store_copy


def session_for(url) -> tuple[requests.Session, str]:
    s = requests.Session()
    page = s.get(url + "/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    s.post(url + "/login", data={"name": "anna", "password": PASSWORD, "csrf_token": token})
    csrf = re.search(r'<meta name="csrf-token" content="([^"]+)"', s.get(url + "/review").text).group(1)
    return s, csrf


def log_in(page, url: str, name: str) -> None:
    """Through the login form, in the browser."""
    page.goto(url + "/review")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/review")


def test_a_decision_answered_200_survives_sigkill(curated_store):
    port = free_port()
    proc, url = start_server(curated_store, port)
    try:
        s, csrf = session_for(url)
        fact = s.get(url + "/review/api/facts?kind=relation").json()["facts"][0]["fact"]
        r = s.post(f"{url}/review/api/facts/{fact}/decision", json={"status": "rejected", "expected": "pending"},
                   headers={"X-CSRFToken": csrf})
        assert r.status_code == 200
    finally:
        stop_server(proc, signal.SIGKILL)
    proc, url = start_server(curated_store, port)
    try:
        s, _csrf = session_for(url)
        assert s.get(f"{url}/review/api/facts/{fact}").json()["status"] == "rejected"
    finally:
        stop_server(proc)


def test_curator_in_the_browser(curated_store, browser_page):
    proc, url = start_server(curated_store, free_port())
    page = browser_page
    try:
        log_in(page, url, "anna")
        page.select_option("select[name=kind]", "membership")
        page.click("#filter")
        page.wait_for_url("**kind=membership**")
        cards = page.locator("article.fact")
        first = cards.nth(0).get_attribute("data-key")
        first_summary = cards.nth(0).locator(".summary a").inner_text()
        second = cards.nth(1).get_attribute("data-key")
        page.keyboard.press("a")  # accept the first, move to the second
        page.wait_for_selector(f'article[data-key="{first}"][data-status="accepted"]')
        page.keyboard.press("r")  # reject the second
        page.wait_for_selector(f'article[data-key="{second}"][data-status="rejected"]')

        page.goto(url + "/review?kind=event")
        event = page.locator("article.fact").nth(0)
        event.click()
        page.keyboard.press("e")
        page.wait_for_url("**/review/fact/**")
        page.fill("#date", "1991-03-15")
        page.select_option("#precision", "day")
        page.click("#correct")
        page.wait_for_url("**/review/fact/**")
        assert page.locator("#status").inner_text() == "accepted"

        person = first_summary.split(" — ")[0]
        assert requests.get(url + "/review/api/facts/" + first).status_code == 401, "the API needs a curator"
        q = (f"PREFIX kr: <http://127.0.0.1:5000/ontology#> ASK {{ GRAPH <http://127.0.0.1:5000/graph/review> "
             f"{{ <http://127.0.0.1:5000/graph/fact/{first}> kr:reviewStatus kr:accepted }} }}")
        assert requests.get(url + "/sparql", params={"query": q}).json()["boolean"] is True
        q2 = f"ASK {{ GRAPH <http://127.0.0.1:5000/graph/fact/{second}> {{ ?s ?p ?o }} FILTER NOT EXISTS {{ ?s ?p ?o }} }}"
        assert requests.get(url + "/sparql", params={"query": q2}).json()["boolean"] is True, "the rejected fact left the default graph"
        slug = re.sub(r"[^a-z]+", "-", person.lower().replace("ś", "s").replace("ł", "l").replace("ç", "c")).strip("-")
        page.goto(url + f"/page/person/{slug}")
        sources = page.locator(".facts").inner_text()
        assert "accepted" in sources
    finally:
        stop_server(proc)


def _grown_queue(store_path) -> int:
    """The sample's store with in-house texts added until the queue holds at least 200 pending facts."""
    import gc
    from pathlib import Path
    from graph.build import ingest_text
    from graph.review import Review
    from graph.store import Store
    from graph.vocab import Base
    store = Store(store_path, Base())
    pending = Review(store).facts(limit=1)[1]
    for text in sorted((Path(__file__).parent / "texts").glob("*.txt")):
        if pending >= 200:
            break
        ingest_text(store, text.name, text.read_text(encoding="utf-8"))
        pending = Review(store).facts(limit=1)[1]
    del store
    gc.collect()
    return pending


def test_queue_paging_search_live_counts_and_a_refused_merge_in_the_browser(curated_store, browser_page):
    Curators(str(curated_store) + "-curators.sqlite").add("piotr", PASSWORD, role="admin")
    pending = _grown_queue(curated_store)
    assert pending >= 200
    proc, url = start_server(curated_store, free_port())
    page = browser_page
    try:
        log_in(page, url, "piotr")
        page.goto(url + "/review?limit=50")
        pages = [page.locator("article.fact").evaluate_all("cards => cards.map(c => c.dataset.key)")]
        while page.locator("a[rel=next]").count():  # the whole queue, page by page, through the "next" links
            page.click("a[rel=next]")
            page.wait_for_url(f"**offset={50 * len(pages)}**")
            pages.append(page.locator("article.fact").evaluate_all("cards => cards.map(c => c.dataset.key)"))
        seen = [key for keys in pages for key in keys]
        assert len(pages) >= 4 and all(len(keys) == 50 for keys in pages[:-1])
        assert len(seen) == len(set(seen)) == pending, "every pending fact once"
        page.goto(url + "/review?limit=10")
        first_keys = page.locator("article.fact").evaluate_all("cards => cards.map(c => c.dataset.key)")
        page.click("a[rel=next]")
        page.wait_for_url("**offset=10**")
        second_keys = page.locator("article.fact").evaluate_all("cards => cards.map(c => c.dataset.key)")
        assert len(first_keys) == len(second_keys) == 10 and not set(first_keys) & set(second_keys)

        page.fill("form.filters input[name=q]", "Smialek")
        page.click("#filter")
        page.wait_for_url("**q=Smialek**")
        summaries = page.locator("article.fact .summary a").all_inner_texts()
        assert summaries and page.locator("form.filters input[name=q]").input_value() == "Smialek", "the search keeps its words"
        pending = int(page.locator('.count[data-status="pending"] b').inner_text())
        card = page.locator("article.fact").nth(0)
        key = card.get_attribute("data-key")
        card.click()
        page.keyboard.press("a")
        page.wait_for_selector(f'article[data-key="{key}"][data-status="accepted"]')  # the counts change first
        assert page.locator('.count[data-status="pending"] b').inner_text() == str(pending - 1)
        assert page.locator('.count[data-status="accepted"] b').inner_text() == "1", "the counts follow the keyboard"

        page.goto(url + "/review/merge")
        page.fill("input[name=keep]", "http://127.0.0.1:5000/id/place/katowice")
        page.fill("input[name=gone]", "http://127.0.0.1:5000/id/person/jerzy-smialek")
        page.click("text=Pokaż, co się zmieni / preview")
        page.wait_for_selector("p.error")
        assert "person cannot be merged into a place" in page.locator("p.error").inner_text()
        assert requests.get(url + "/id/person/jerzy-smialek", headers={"Accept": "text/turtle"},
                            allow_redirects=False).status_code == 303, "nothing was merged"
    finally:
        stop_server(proc)


SCHOOLS = {
    "sanok-szkola.txt": "W 2004 roku dyrektor I Liceum Ogólnokształcącego w Sanoku Adam Wierzbicki podpisał porozumienie "
                        "ze szkołą partnerską.",
    "tarnow-szkola.txt": "W 2007 roku dyrektor I Liceum Ogólnokształcącego w Tarnowie Barbara Lis przyjęła gości z Koszyc. "
                         "Wśród nich był Wiśniewicz, nauczyciel z Koszyc.",
}


def select_words(page, words: str) -> None:
    """Selects `words` in the document view as a reader's mouse would (they may cross marked runs)."""
    page.evaluate("""words => {
        const root = document.querySelector('.document-text');
        const nodes = [], walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) nodes.push(walker.currentNode);
        const whole = nodes.map(n => n.textContent).join('');
        let at = whole.indexOf(words), end = at + words.length, range = document.createRange(), seen = 0;
        for (const n of nodes) {
            const len = n.textContent.length;
            if (at >= seen && at <= seen + len) range.setStart(n, at - seen), at = -1;
            if (end >= seen && end <= seen + len) { range.setEnd(n, end - seen); break; }
            seen += len;
        }
        getSelection().removeAllRanges(); getSelection().addRange(range);
    }""", words)


def test_identity_split_and_a_missed_fact_in_the_browser(curated_store, browser_page, tmp_path):
    """Two same-named schools of two towns stay two entities; a curator adds a fact the extractor missed by
    selecting its words in the document view, accepts it and finds it public; then splits an entity by
    moving a mention to a new one."""
    Curators(str(curated_store) + "-curators.sqlite").add("piotr", PASSWORD, role="admin")
    proc, url = start_server(curated_store, free_port())
    page = browser_page
    try:
        log_in(page, url, "piotr")
        for name, text in SCHOOLS.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
            page.goto(url + "/review/upload")
            page.set_input_files("input[name=file]", str(tmp_path / name))
            with page.expect_navigation(timeout=180_000):  # the first upload loads the pipeline in the server
                page.click("form[enctype] button[type=submit]")
        schools = {requests.get(f"{url}/id/organisation/i-liceum-ogolnoksztalcace-{town}", headers={"Accept": "text/html"},
                                allow_redirects=False).status_code for town in ("sanok", "tarnow")}
        assert schools == {303}, "two schools, each under its own IRI"

        page.goto(url + "/page/document/tarnow-szkola")
        words = "Wiśniewicz"
        select_words(page, words)
        page.wait_for_selector("#add-submit:not([disabled])")
        assert page.locator("#add-words").input_value() == words
        page.select_option("#add-kind", "person")
        page.fill("#add-name", "Jan Wiśniewicz")
        page.click("#add-submit")
        page.wait_for_url("**/review/fact/**")
        fact_page = page.url
        with page.expect_navigation():
            page.click("#accept")
        page.goto(fact_page)
        assert page.locator("#status").inner_text() == "accepted"
        public = requests.get(url + "/page/person/jan-wisniewicz.json").json()
        assert public["label"] == "Jan Wiśniewicz", public

        # a fact resting on the wrong words: selecting the right ones in the document view moves its evidence
        page.goto(url + "/page/document/tarnow-szkola")
        select_words(page, "Lis przyjęła")
        page.wait_for_selector("#fix-submit:not([disabled])")
        offered = page.eval_on_selector_all("#fix-fact option", "os => os.map(o => [o.value, o.textContent])")
        key = next(k for k, summary in offered if summary.startswith("Barbara Lis") and "dyrektor" not in summary)
        page.select_option("#fix-fact", key)
        with page.expect_navigation():
            page.click("#fix-submit")
        assert "/review/fact/" in page.url and key not in page.url, "the replacement fact's page"
        text = SCHOOLS["tarnow-szkola.txt"]
        at = text.index("Lis przyjęła")
        token = Curators(str(curated_store) + "-curators.sqlite").new_token("piotr")
        replacement = requests.get(f"{url}/review/api/facts/{page.url.rsplit('/', 1)[1]}",
                                   headers={"Authorization": f"Bearer {token}"}).json()
        assert replacement["evidence"] == {"start": at, "end": at + len("Lis przyjęła")}, replacement["evidence"]

        page.goto(url + "/review/entities/organisation/i-liceum-ogolnoksztalcace-tarnow")
        mentions = page.locator("#mentions input[name=fact]")
        assert mentions.count() >= 1
        moved = mentions.nth(0).get_attribute("value")
        mentions.nth(0).check()
        page.fill("#move-name", "I Liceum Ogólnokształcące im. Kazimierza Brodzińskiego")
        with page.expect_navigation():
            page.click("#move")
        page.wait_for_url("**/review/entities/organisation/i-liceum-ogolnoksztalcace-tarnow--*")
        assert "I Liceum Ogólnokształcące im. Kazimierza Brodzińskiego" in page.content()
        page.goto(url + "/review/entities/organisation/i-liceum-ogolnoksztalcace-tarnow")
        assert page.locator(f"#mentions input[value='{moved}']").count() == 0, "the mention moved"
    finally:
        stop_server(proc)


def test_a_changed_text_uploaded_again_shows_each_fact_once_in_the_browser(curated_store, browser_page, tmp_path):
    """Re-upload with a sentence added and "replace" ticked: the queue, the API and the public page list
    each fact once, and the old text stays readable."""
    proc, url = start_server(curated_store, free_port())
    page = browser_page
    text = SCHOOLS["sanok-szkola.txt"]
    try:
        log_in(page, url, "anna")
        for version, replace in ((text, False), (text + " W 2006 r. Adam Wierzbicki odwiedził Użhorod.", True)):
            (tmp_path / "sanok-szkola.txt").write_text(version, encoding="utf-8")
            page.goto(url + "/review/upload")
            page.set_input_files("input[name=file]", str(tmp_path / "sanok-szkola.txt"))
            if replace:
                page.check("input[name=replace]")
            with page.expect_navigation(timeout=180_000):
                page.click("form[enctype] button[type=submit]")
        document = "http://127.0.0.1:5000/id/document/sanok-szkola"
        s, _csrf = session_for(url)
        listed = s.get(url + "/review/api/facts", params={"document": document, "status": "", "limit": 200}).json()
        keys = [f["fact"] for f in listed["facts"]]
        assert len(keys) == len(set(keys)) == listed["total"] > 0
        page.goto(url + "/review?" + requests.compat.urlencode({"document": document, "status": "", "limit": 200}))
        cards = page.locator("article.fact").evaluate_all("cards => cards.map(c => c.dataset.key)")
        assert sorted(cards) == sorted(keys), "the queue shows each fact once"
        person = requests.get(url + "/page/person/adam-wierzbicki.json").json()
        sources = [f["fact"] for f in person["facts"]]
        assert sources and len(sources) == len(set(sources)), "the public page lists each source once"
        described = requests.get(url + "/page/document/sanok-szkola.json").json()
        assert "Użhorod" in "".join(r["text"] for p in described["text"]["paragraphs"] for r in p)
    finally:
        stop_server(proc)


def test_a_curators_read_past_its_time_limit_is_stopped_and_the_server_serves_on(curated_store):
    # a limit no page of a 200-fact queue can keep: the read is answered 503 and its worker replaced; a write is
    # never cut short
    import gc
    from graph.review import Review
    from graph.store import Store
    from graph.vocab import Base
    _grown_queue(curated_store)
    store = Store(curated_store, Base(), read_only=True)
    key = Review(store).facts(limit=1)[0][0].key
    del store
    gc.collect()
    auth = {"Authorization": f"Bearer {Curators(str(curated_store) + '-curators.sqlite').new_token('anna')}"}
    proc, url = start_server(curated_store, free_port(), extra_env={"KRONIKA_DESK_TIMEOUT": "0"})
    try:
        stopped = requests.get(url + "/review?limit=500", headers=auth)
        assert stopped.status_code == 503 and "was stopped" in stopped.text and stopped.headers.get("Retry-After")
        listed = requests.get(url + "/review/api/facts", params={"limit": 500}, headers=auth)
        assert listed.status_code == 503 and "was stopped" in listed.json()["message"], "the API's reads are limited too"
        decided = requests.post(f"{url}/review/api/facts/{key}/decision", json={"status": "accepted"}, headers=auth)
        assert decided.status_code == 200, decided.text
        assert requests.get(url + "/page/person/jerzy-smialek").status_code == 200, "the desk's limit is the desk's"
        assert requests.get(url + "/sparql", params={"query": "ASK {}"}).status_code == 200, "the server serves on"
    finally:
        stop_server(proc)

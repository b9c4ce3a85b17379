"""The dashboard in headless Chromium (Debian's chromium + chromium-driver; skipped where they are not
installed): every view on a demo-like store, the content a user looks for, a click from a timeline
point to an event's sentence, and injected markup shown as text. Screenshots go to build/screenshots/.
"""

from __future__ import annotations

import re

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

import serve_store

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.common.exceptions import NoAlertPresentException, TimeoutException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="chromium and chromium-driver are not installed (make install adds them as root)")
SEED = "seed0000000000000001"
HOSTILE = "hostile0000000000001"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from chronicle.serve import create_app

    db = serve_store.build(str(tmp_path_factory.mktemp("browser") / "demo.db"))
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1400,1000"):
        options.add_argument(arg)
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def visit(browser, server, hash_: str, shot: str):
    """Open a view, wait until it has rendered, check that no alert opened, save a screenshot."""
    browser.get(server + "#/" + hash_)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(
        "return document.body.getAttribute('data-view') !== null && !document.body.hasAttribute('data-loading')"))
    time.sleep(0.3)  # plotly draws after the data came
    no_alert(browser)
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE" and "favicon" not in e["message"]]
    assert not errors, errors
    assert not browser.find_elements(By.CSS_SELECTOR, "p.error"), browser.find_element(By.CSS_SELECTOR, "p.error").text
    browser.save_screenshot(str(SHOTS / f"{shot}.png"))


def no_alert(browser):
    try:
        alert = browser.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"an injected script ran: alert({text!r})")


def texts(browser, selector: str) -> list[str]:
    return [e.text for e in browser.find_elements(By.CSS_SELECTOR, selector)]


def test_overview_shows_the_counts(browser, server):
    visit(browser, server, "", "overview")
    assert "events" in browser.find_element(By.CSS_SELECTOR, ".cards").text
    assert "ACCUSE" in browser.page_source


def test_search_finds_the_seed_article_its_events_and_quotes(browser, server):
    visit(browser, server, "search?q=ceasefire", "search")
    assert "Russia urges Syria to accept a ceasefire" in texts(browser, ".article-hit a")
    assert any("Russia urged the government of Syria" in t for t in texts(browser, ".event-card .sentence"))


def test_the_article_reader_highlights_actors_events_and_quotes_in_place(browser, server):
    visit(browser, server, f"article/{SEED}", "article")
    assert set(texts(browser, "#article-body .hl-trigger")) == {"met", "urged", "shelled"}
    actors = texts(browser, "#article-body .hl-actor")
    assert "Gennady Gatilov" in actors and "Syrian troops" in actors
    assert "We want the violence to stop," in "".join(texts(browser, "#article-body .hl-quote"))
    summaries = texts(browser, ".event-card .summary")
    assert "Syrian troops (SYRMIL) -> ASSAULT -> Homs residents (SYRCVL)" in summaries
    cards = browser.find_element(By.CSS_SELECTOR, ".event-card").text
    assert re.search(r"confidence [01]\.\d\d", cards) and "why: trigger \"met\" coded CONSULT" in cards
    browser.find_element(By.XPATH, "//span[contains(@class,'hl-trigger') and text()='shelled']").click()
    focused = browser.find_element(By.CSS_SELECTOR, ".event-card.hl-focus .summary").text
    assert "ASSAULT" in focused


def test_the_event_table_has_facets_and_the_sentence_of_each_row(browser, server):
    visit(browser, server, "events", "events")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.events tbody tr")
    assert len(rows) == 8
    assert any("Turkey accused Syria of shelling" in t for t in texts(browser, "td.sentence"))
    facet = browser.find_element(By.XPATH, "//div[contains(@class,'facet')]//a[span[text()='ACCUSE']]")
    facet.click()
    WebDriverWait(browser, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "table.events tbody tr")) == 2)
    assert set(texts(browser, "table.events tbody td:nth-child(3)")) == {"ACCUSE"}
    browser.save_screenshot(str(SHOTS / "events-accuse.png"))


def test_a_click_on_a_timeline_point_lists_its_events_with_their_sentences(browser, server):
    visit(browser, server, "timeline", "timeline")
    points = browser.find_elements(By.CSS_SELECTOR, "#timeline-chart .scatterlayer .point")
    assert len(points) >= 6  # one per day and quad class
    target = next(p for p in points if p.value_of_css_property("fill") in ("rgb(192, 57, 43)",))  # material conflict
    ActionChains(browser).move_to_element(target).click().perform()
    try:
        WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline-events .event-card"))
    except TimeoutException:
        pytest.fail("a click on a timeline point listed no events")
    assert "Syrian troops shelled the city of Homs, activists said." in texts(browser, "#timeline-events .sentence")
    browser.save_screenshot(str(SHOTS / "timeline-clicked.png"))


def test_the_actor_network_has_nodes_and_coloured_edges(browser, server):
    visit(browser, server, "network", "network")
    traces = browser.find_elements(By.CSS_SELECTOR, "#network-chart .scatterlayer .trace")
    assert len(traces) >= 7  # six edges and the node trace
    colours = {p.value_of_css_property("stroke") for p in
               browser.find_elements(By.CSS_SELECTOR, "#network-chart .scatterlayer .js-line")}
    assert {"rgb(46, 139, 87)", "rgb(192, 57, 43)"} <= colours  # cooperation and conflict
    labels = texts(browser, "#network-chart .textpoint")
    assert "Turkey (TUR)" in labels and "Syria (SYR)" in labels


def test_the_map_shows_markers_on_world_borders(browser, server):
    visit(browser, server, "map", "map")
    markers = browser.find_elements(By.CSS_SELECTOR, "#map-chart .scatterlayer .point")
    assert len(markers) == 4
    info = browser.find_element(By.CSS_SELECTOR, "main .muted").text
    if "no world borders" in info:
        pytest.skip("world-atlas is not installed (make install puts it into the venv)")
    borders = browser.find_element(By.CSS_SELECTOR, "#map-chart .scatterlayer .trace")  # drawn first
    assert len(borders.find_elements(By.CSS_SELECTOR, ".js-line")) > 300  # the world's border lines


def test_actor_page_shows_events_counterparts_and_quotes(browser, server):
    visit(browser, server, "actor/RUSGOV", "actor")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Gennady Gatilov"
    assert "SYRGOV" in browser.page_source and "Syrian ambassador" in browser.find_element(By.CSS_SELECTOR, "table").text
    assert any("We want the violence to stop," in t for t in texts(browser, ".quote-card .sentence"))
    assert browser.find_elements(By.CSS_SELECTOR, "#actor-chart .bars path")


def test_actors_list_links_to_actor_pages(browser, server):
    visit(browser, server, "actors", "actors")
    assert "Turkey" in texts(browser, "table td a")


def test_quotes_are_grouped_by_speaker(browser, server):
    visit(browser, server, "quotes", "quotes")
    groups = texts(browser, ".speaker-group h2")
    assert "Gennady Gatilov (1)" in groups


def test_a_story_shows_its_wire_copies_side_by_side(browser, server):
    visit(browser, server, "stories", "stories")
    browser.find_element(By.LINK_TEXT, "Turkey accuses Syria over shelling").click()
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".copies .copy"))
    time.sleep(0.2)
    copies = browser.find_elements(By.CSS_SELECTOR, ".copies .copy")
    assert len(copies) == 2
    assert copies[0].location["y"] == copies[1].location["y"] and copies[0].location["x"] < copies[1].location["x"]
    assert "The UN called for calm." in copies[1].text and "Wire B" in copies[1].text
    browser.save_screenshot(str(SHOTS / "story.png"))


@pytest.mark.parametrize("view", [f"article/{HOSTILE}", "events", "search?q=mayor", "quotes", "network",
                                  "actors", "timeline"])
def test_injected_markup_is_shown_as_text_and_never_runs(browser, server, view):
    visit(browser, server, view, "hostile-" + view.split("/")[0].split("?")[0])
    # no element came out of the data: the page's own scripts only, no image, no javascript: link
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 2
    assert browser.find_elements(By.CSS_SELECTOR, "main img") == []
    hrefs = [a.get_attribute("href") or "" for a in browser.find_elements(By.TAG_NAME, "a")]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    assert browser.execute_script("return window.__owned === undefined")
    if view.startswith("article/"):
        assert browser.find_element(By.ID, "article-title").text == '<img src=x onerror=alert("title")>Vote'
        body = browser.find_element(By.ID, "article-body").text
        assert '<script>alert("owned")</script>' in body and "onerror=alert(1)" in body
        assert 'href="javascript:alert(2)"' in body and "&amp; &lt;b&gt;bold&lt;/b&gt;." in body
    if view == "events":
        assert '<script>alert("name")</script>Mayor' in texts(browser, "table.events td")
    no_alert(browser)

"""extract releases the interpreter: threads extract pages at the same time."""

import random
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import unchaff
from conftest import SAMPLE_NAMES, source


def test_thread_pool_gives_the_sequential_results():
    pages = [source(name) for name in SAMPLE_NAMES] * 4
    sequential = [unchaff.extract(p).to_json() for p in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        parallel = list(pool.map(lambda p: unchaff.extract(p).to_json(), pages))
    assert parallel == sequential


def big_page(paragraphs: int) -> str:
    """A long article whose paragraphs differ, so that none is dropped as a repeat."""
    words = (
        "harbour boat storm quay tide master rope sail net gull pier keel mast anchor crew "
        "wave wind fog lamp chart deck hull oar salt cod crab"
    ).split()
    rng = random.Random(7)
    body = "".join(
        "<p>" + " ".join(rng.choice(words) for _ in range(40)) + ".</p>\n"
        for _ in range(paragraphs)
    )
    return f"<html><head><title>Boats</title></head><body><article>{body}</article></body></html>"


def timed(page):
    start = time.perf_counter()
    result = unchaff.extract(page)
    return result, start, time.perf_counter()


def test_other_threads_run_while_a_page_is_extracted():
    """A Python thread makes progress in the middle of one long extract call in another.

    Were the interpreter held, no Python code could run during the call: only around its ends,
    where the two threads hand the interpreter over (which can take a few switch intervals on a
    busy machine), so only the middle half of the call is looked at.
    """
    page = big_page(20_000)
    stop = threading.Event()
    ticks = []

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())

    with ThreadPoolExecutor(max_workers=2) as pool:
        ticker = pool.submit(tick)
        time.sleep(0.05)
        result, start, end = pool.submit(timed, page).result()
        stop.set()
        ticker.result()
    assert result is not None and result.stats["blocks"] > 10_000
    quarter = (end - start) / 4
    during = [t for t in ticks if start + quarter < t < end - quarter]
    assert len(during) > 1000, f"{len(during)} ticks in the middle of {end - start:.3f} s"

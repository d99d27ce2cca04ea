"""Extract pages with Spark in two passes, learning each site's template first: the records of
the command line's batch run (cross-page), one JSON line per page.

    python spark_site_template.py --master 'local[2]' 'pages/*.html.gz' out/

Pass 1 keys every page by its site (the host of the address it declares, else its folder, as
the command line groups pages), groups the pages by site and observes them into one
``unchaff.SiteProfile`` per site. The profiles are broadcast; pass 2 extracts every page again
and filters it with its site's profile. Output: ``out/status=ok|no_article|error/``, the
command line's ``--jsonl`` record of each page (``no_article``: its text is empty; ``error``:
``{"path", "error", "kind"}``). Every worker needs the unchaff wheel (docs/distributed.md).
"""

import argparse
import gzip
import io
import json
import os
import time

from pyspark import StorageLevel
from pyspark.sql import SparkSession

MAX_INPUT_BYTES = 64 << 20


def unpack(data):
    """The page's bytes, gunzipped (at most one byte past unchaff's limit) when gzipped."""
    if data[:2] != b"\x1f\x8b":
        return data
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        return stream.read(MAX_INPUT_BYTES + 1)


def extract(data):
    """(page or None, error or None): a page that cannot be read never fails the task."""
    import unchaff

    try:
        return unchaff.extract(unpack(bytes(data)), allow_empty=True), None
    except (unchaff.ExtractionError, OSError, EOFError) as error:
        return None, error


def site_of(path, page):
    """The command line's site key: the host of the page's own address, else its folder."""
    import unchaff

    host = unchaff.host_of(page.url) if page is not None and page.url else None
    return host or "folder " + os.path.dirname(path)


def key_by_site(rows):
    """Pass 1a: (path, bytes) -> (site, (path, bytes))."""
    for path, data in rows:
        page, _ = extract(data)
        yield site_of(path, page), (path, data)


def learn(site_pages):
    """Pass 1b: one site's pages -> (site, its profile as bytes)."""
    import unchaff

    site, pages = site_pages
    profile = unchaff.SiteProfile()
    for _, data in pages:
        page, error = extract(data)
        if error is None:  # pages without article text count too, as the command line counts them
            profile.observe(site, page)
    return site, profile.to_bytes()


def filter_pages(profiles):
    """Pass 2: (site, (path, bytes)) -> (status, JSON line), with the broadcast profiles."""

    def run(rows):
        import unchaff

        loaded = {}
        for site, (path, data) in rows:
            page, error = extract(data)
            if error is not None:
                kind = getattr(error, "kind", "unreadable")
                yield "error", json.dumps({"path": path, "error": str(error), "kind": kind})
                continue
            if site not in loaded:
                loaded[site] = unchaff.SiteProfile.from_bytes(profiles.value[site])
            page = loaded[site].filter(site, page)
            status = "no_article" if page.is_empty else "ok"
            yield status, json.dumps({"path": path, **page.to_dict()}, ensure_ascii=False)

    return run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="glob of .html / .html.gz files, e.g. 'pages/*.html.gz'")
    parser.add_argument("output", help="output folder (must not exist)")
    parser.add_argument("--master", help="e.g. local[2]; default: spark-submit's, else local[*]")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("unchaff-site-template")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()

    start = time.perf_counter()
    folder, name = args.input.rsplit("/", 1) if "/" in args.input else (".", args.input)
    files = spark.read.format("binaryFile").option("pathGlobFilter", name).load(folder)
    keyed = files.select("path", "content").rdd.mapPartitions(key_by_site)
    keyed.persist(StorageLevel.MEMORY_AND_DISK)
    profiles = dict(keyed.groupByKey().map(learn).collect())
    broadcast = spark.sparkContext.broadcast(profiles)
    lines = keyed.mapPartitions(filter_pages(broadcast))
    frame = spark.createDataFrame(lines, schema="status string, value string")
    frame.write.partitionBy("status").text(args.output)
    seconds = time.perf_counter() - start

    counts = dict(spark.read.text(args.output).groupBy("status").count().collect())
    pages = sum(counts.values())
    print(
        f"{pages} pages of {len(profiles)} sites in {seconds:.1f} s: {counts.get('ok', 0)} "
        f"articles, {counts.get('no_article', 0)} without article text, "
        f"{counts.get('error', 0)} errors -> {args.output}"
    )
    spark.stop()


if __name__ == "__main__":
    main()

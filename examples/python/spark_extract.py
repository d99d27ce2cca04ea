"""Extract the articles of many saved pages with Spark, one JSON line per page.

    python spark_extract.py --master 'local[2]' 'pages/*.html.gz' out/
    spark-submit --master yarn spark_extract.py 's3a://bucket/pages/*.html' s3a://bucket/out/

Input: a glob of HTML files, gzipped or not (any path Spark's ``binaryFile`` source reads). Output:
a folder partitioned by outcome, text files of JSON lines:

    out/status=ok/part-*.txt          the command line's --jsonl records (``path`` first)
    out/status=no_article/part-*.txt  {"path", "error"}: a page without article text
    out/status=error/part-*.txt       {"path", "error", "kind"}: binary, too_large or unreadable

Every worker needs the ``unchaff`` wheel installed: see docs/distributed.md. Locally, run it in
the environment that has unchaff, or set PYSPARK_PYTHON to that environment's python.
"""

import argparse
import gzip
import io
import json
import time

from pyspark.sql import SparkSession

# The library's `max_input_bytes`: unchaff refuses larger pages, and a .gz is not unpacked
# past it (a compressed bomb costs a task nothing).
MAX_INPUT_BYTES = 64 << 20


def unpack(data):
    """The page's bytes: gunzipped when they start with the gzip magic, at most one byte past
    the limit so that unchaff reports the page as too large."""
    if data[:2] != b"\x1f\x8b":
        return data
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        return stream.read(MAX_INPUT_BYTES + 1)


def extract_one(path, data):
    """One page -> (status, JSON line). A page that is not one, or has no article, is a record
    of its own: it never fails the task."""
    import unchaff

    try:
        page = unchaff.extract(unpack(data))
    except (unchaff.ExtractionError, OSError, EOFError) as error:
        # ExtractionError: binary or too large (`kind`); OSError, EOFError: a corrupt .gz.
        record = {"path": path, "error": str(error), "kind": getattr(error, "kind", "unreadable")}
        return "error", json.dumps(record, ensure_ascii=False)
    if page is None:
        record = {"path": path, "error": "no article text found"}
        return "no_article", json.dumps(record, ensure_ascii=False)
    return "ok", json.dumps({"path": path, **page.to_dict()}, ensure_ascii=False)


def extract_partition(files):
    """(path, bytes) pairs -> (status, JSON line) pairs. Spark reuses its Python workers across
    tasks, so unchaff is imported once per worker, not once per page."""
    for path, data in files:
        yield extract_one(path, data)


def read_files(spark, pattern):
    """The files matching `pattern` as (path, content) rows. The binaryFile source splits them
    by size, counting each file as at least spark.sql.files.openCostInBytes (4 MB), so small
    pages spread over many tasks. A glob in the file name only becomes a filter on the folder's
    listing: as a path, every file it matches would be listed by a task of its own."""
    reader = spark.read.format("binaryFile")
    folder, name = pattern.rsplit("/", 1) if "/" in pattern else (".", pattern)
    if is_glob(name) and not is_glob(folder):
        return reader.option("pathGlobFilter", name).load(folder)
    return reader.load(pattern)


def is_glob(path):
    return any(c in path for c in "*?[{")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="glob of .html / .html.gz files, e.g. 'pages/*.html.gz'")
    parser.add_argument("output", help="output folder (must not exist)")
    parser.add_argument("--master", help="e.g. local[2]; default: spark-submit's, else local[*]")
    args = parser.parse_args()

    builder = SparkSession.builder.appName("unchaff-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()

    start = time.perf_counter()
    files = read_files(spark, args.input).select("path", "content").rdd
    lines = files.mapPartitions(extract_partition)
    frame = spark.createDataFrame(lines, schema="status string, value string")
    frame.write.partitionBy("status").text(args.output)
    seconds = time.perf_counter() - start

    counts = dict(spark.read.text(args.output).groupBy("status").count().collect())
    pages = sum(counts.values())
    print(
        f"{pages} pages in {seconds:.1f} s ({pages / seconds:.1f} pages/s): "
        f"{counts.get('ok', 0)} articles, {counts.get('no_article', 0)} without article text, "
        f"{counts.get('error', 0)} errors -> {args.output}"
    )
    spark.stop()


if __name__ == "__main__":
    main()

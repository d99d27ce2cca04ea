"""Extract the articles of many saved pages with Ray Data, one JSON line per page.

    python ray_extract.py 'pages/*.html.gz' out/
    python ray_extract.py --address auto --wheel unchaff-*.whl s3://bucket/pages/ s3://bucket/out/

Input: a local glob of HTML files, gzipped or not, or a folder URI that ``pyarrow.fs`` reads
(``s3://``, ``gs://``, ``hdfs://``). Output: a folder of JSON lines files, by outcome:

    out/status=ok/*.jsonl          the command line's --jsonl records (``path`` first)
    out/status=no_article/*.jsonl  {"path", "error"}: a page without article text
    out/status=error/*.jsonl       {"path", "error", "kind"}: binary, too_large or unreadable

Every worker needs the ``unchaff`` wheel: locally it is the driver's environment; on a cluster
``--wheel`` ships it in the job's ``runtime_env``, or it is baked into the image. See
docs/distributed.md.
"""

import argparse
import glob
import gzip
import io
import json
import time
from concurrent.futures import ThreadPoolExecutor

import ray
from pyarrow import fs
from ray.data.datasource import BlockBasedFileDatasink

# The library's `max_input_bytes`: unchaff refuses larger pages, and a .gz is not unpacked
# past it (a compressed bomb costs a task nothing).
MAX_INPUT_BYTES = 64 << 20
STATUSES = ("ok", "no_article", "error")
SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def list_pages(spec):
    """The pages to extract: a local glob, or every HTML file below a folder URI."""
    if "://" not in spec:
        return sorted(glob.glob(spec))
    filesystem, root = fs.FileSystem.from_uri(spec)
    scheme = spec.split("://", 1)[0]
    found = filesystem.get_file_info(fs.FileSelector(root, recursive=True))
    return sorted(
        f"{scheme}://{info.path}"
        for info in found
        if info.type == fs.FileType.File and info.path.lower().endswith(SUFFIXES)
    )


def read_page(path):
    """The file's raw bytes, at most one past the limit. Read here rather than with Ray's
    read_binary_files, which unpacks .gz by itself: a corrupt one would fail the whole read
    task, and a compressed bomb would be unpacked in full."""
    if "://" in path:
        filesystem, path = fs.FileSystem.from_uri(path)
    else:
        filesystem = fs.LocalFileSystem()
    with filesystem.open_input_stream(path, compression=None) as stream:
        return stream.read(MAX_INPUT_BYTES + 1)


def unpack(data):
    """The page's bytes: gunzipped when they start with the gzip magic, at most one byte past
    the limit so that unchaff reports the page as too large."""
    if data[:2] != b"\x1f\x8b":
        return data
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
        return stream.read(MAX_INPUT_BYTES + 1)


def extract_one(path):
    """One page -> (status, JSON line). A page that cannot be read, is not one, or has no
    article is a record of its own: it never fails the task."""
    import unchaff

    try:
        page = unchaff.extract(unpack(read_page(path)))
    except (unchaff.ExtractionError, OSError, EOFError) as error:
        # ExtractionError: binary or too large (`kind`); OSError, EOFError: an unreadable file
        # or a corrupt .gz.
        record = {"path": path, "error": str(error), "kind": getattr(error, "kind", "unreadable")}
        return "error", json.dumps(record, ensure_ascii=False)
    if page is None:
        record = {"path": path, "error": "no article text found"}
        return "no_article", json.dumps(record, ensure_ascii=False)
    return "ok", json.dumps({"path": path, **page.to_dict()}, ensure_ascii=False)


def extract_batch(batch, threads):
    """A batch of paths -> their statuses and JSON lines. unchaff releases the interpreter while
    it works (and so does reading), so `threads` > 1 runs that many pages at once in this one
    process."""
    paths = list(batch["path"])
    if threads > 1:
        with ThreadPoolExecutor(threads) as pool:
            results = list(pool.map(extract_one, paths))
    else:
        results = [extract_one(path) for path in paths]
    return {
        "status": [status for status, _ in results],
        "line": [line for _, line in results],
    }


class LinesDatasink(BlockBasedFileDatasink):
    """Writes the `line` column of each block as a file of JSON lines."""

    def __init__(self, path):
        super().__init__(path, file_format="jsonl")

    def write_block_to_file(self, block, file):
        for line in block.to_arrow().column("line").to_pylist():
            file.write(line.encode("utf-8") + b"\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="glob of .html / .html.gz files, or a folder or URI")
    parser.add_argument("output", help="output folder")
    parser.add_argument("--address", help="a running cluster ('auto'); default: a local one")
    parser.add_argument("--num-cpus", type=int, default=2, help="CPUs of the local cluster")
    parser.add_argument("--threads", type=int, default=1, help="threads (and CPUs) per task")
    parser.add_argument("--batch-size", type=int, default=64, help="pages per batch")
    parser.add_argument("--wheel", help="unchaff wheel to install on the workers (runtime_env)")
    args = parser.parse_args()

    # py_modules uploads a local wheel to the cluster and installs it on every node.
    runtime_env = {"py_modules": [args.wheel]} if args.wheel else None
    if args.address:
        ray.init(address=args.address, runtime_env=runtime_env)
    else:
        ray.init(num_cpus=args.num_cpus, runtime_env=runtime_env)

    start = time.perf_counter()
    paths = ray.data.from_items([{"path": path} for path in list_pages(args.input)])
    results = paths.map_batches(
        extract_batch,
        fn_kwargs={"threads": args.threads},
        batch_size=args.batch_size,
        batch_format="numpy",
        num_cpus=args.threads,
    ).materialize()  # extracted once, then written by outcome
    counts = {}
    for status in STATUSES:
        subset = results.filter(lambda row, status=status: row["status"] == status)
        counts[status] = subset.count()
        if counts[status]:
            subset.write_datasink(LinesDatasink(f"{args.output.rstrip('/')}/status={status}"))
    seconds = time.perf_counter() - start

    pages = sum(counts.values())
    print(
        f"{pages} pages in {seconds:.1f} s ({pages / seconds:.1f} pages/s): "
        f"{counts['ok']} articles, {counts['no_article']} without article text, "
        f"{counts['error']} errors -> {args.output}"
    )
    ray.shutdown()


if __name__ == "__main__":
    main()

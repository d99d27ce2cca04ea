"""Extract pages with Ray Data in two passes, learning each site's template first: the records of
the command line's batch run (cross-page), one JSON line per page.

    python ray_site_template.py 'pages/*.html.gz' out.jsonl

Pass 1 keys every page by its site (the host of the address it declares, else its folder, as the
command line groups pages), groups by site and observes each site's pages into an
``unchaff.SiteProfile``. The profiles go to every task of pass 2 (``ray.put``), which extracts
each page again and filters it. Each line of the output is ``{"status", "record"}``, ``status``
being ``ok``, ``no_article`` or ``error``. Local files only, for brevity: ray_extract.py shows
how to read from object storage.
"""

import argparse
import glob
import gzip
import json
import os
import time

import ray

MAX_INPUT_BYTES = 64 << 20


def extract(path):
    """(page or None, error or None) for the file at ``path``; never raises for a bad page."""
    import unchaff

    try:
        with open(path, "rb") as file:
            data = file.read(MAX_INPUT_BYTES + 1)
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)[: MAX_INPUT_BYTES + 1]
        return unchaff.extract(data, allow_empty=True), None
    except (unchaff.ExtractionError, OSError, EOFError) as error:
        return None, error


def key_by_site(row):
    """Pass 1a: {"path"} -> {"path", "site"}, the command line's site key."""
    import unchaff

    page, _ = extract(row["path"])
    host = unchaff.host_of(page.url) if page is not None and page.url else None
    return {"path": row["path"], "site": host or "folder " + os.path.dirname(row["path"])}


def learn(group):
    """Pass 1b: the pages of one site -> its profile, as bytes."""
    import unchaff

    site = str(group["site"][0])
    profile = unchaff.SiteProfile()
    for path in group["path"]:
        page, error = extract(str(path))
        if error is None:  # pages without article text count too, as the command line counts them
            profile.observe(site, page)
    return {"site": [site], "profile": [profile.to_bytes()]}


def filter_batch(batch, profiles):
    """Pass 2: {"path", "site"} rows -> {"status", "record"} rows."""
    import unchaff

    if isinstance(profiles, ray.ObjectRef):  # stored once in the object store, read per task
        profiles = ray.get(profiles)
    loaded, statuses, records = {}, [], []
    for path, site in zip(batch["path"], batch["site"]):
        path, site = str(path), str(site)
        page, error = extract(path)
        if error is not None:
            kind = getattr(error, "kind", "unreadable")
            status, record = "error", {"path": path, "error": str(error), "kind": kind}
        else:
            if site not in loaded:
                loaded[site] = unchaff.SiteProfile.from_bytes(profiles[site])
            page = loaded[site].filter(site, page)
            status = "no_article" if page.is_empty else "ok"
            record = {"path": path, **page.to_dict()}
        statuses.append(status)
        records.append(json.dumps(record, ensure_ascii=False))
    return {"status": statuses, "record": records}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="glob of .html / .html.gz files")
    parser.add_argument("output", help="JSON lines file to write")
    parser.add_argument("--cpus", type=int, default=None, help="CPUs for a local Ray")
    args = parser.parse_args()

    ray.init(num_cpus=args.cpus, include_dashboard=False)
    start = time.perf_counter()
    paths = sorted(glob.glob(args.input))
    keyed = ray.data.from_items([{"path": p} for p in paths]).map(key_by_site).materialize()
    learned = keyed.groupby("site").map_groups(learn).take_all()
    profiles = ray.put({row["site"]: row["profile"] for row in learned})
    lines = keyed.map_batches(filter_batch, fn_kwargs={"profiles": profiles}).take_all()
    with open(args.output, "w", encoding="utf-8") as out:
        for row in lines:
            out.write(json.dumps({"status": row["status"], "record": json.loads(row["record"])}))
            out.write("\n")
    seconds = time.perf_counter() - start
    ok = sum(row["status"] == "ok" for row in lines)
    print(f"{len(lines)} pages of {len(learned)} sites in {seconds:.1f} s: {ok} articles")


if __name__ == "__main__":
    main()

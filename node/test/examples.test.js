// examples/fetch.js against a local HTTP server serving the samples (no network needed).
"use strict";

const assert = require("node:assert/strict");
const { execFile } = require("node:child_process");
const { readFile } = require("node:fs/promises");
const { createServer } = require("node:http");
const { join } = require("node:path");
const { test } = require("node:test");
const { promisify } = require("node:util");

const { extract } = require("..");
const { SAMPLES, source } = require("./helpers");

test("the fetch example prints each page's record, and says which failed", async (t) => {
  const server = createServer(async (request, response) => {
    try {
      const body = await readFile(join(SAMPLES, request.url.split("/")[1], "source.html"));
      // No charset in the header: the page's bytes say what they are.
      response.writeHead(200, { "content-type": "text/html" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;
  const pages = ["news-article", "legacy-1251"];
  const run = promisify(execFile)(
    process.execPath,
    [join(__dirname, "..", "examples", "fetch.js"), ...pages.map((p) => `${base}/${p}`), `${base}/missing`],
    { encoding: "utf8" },
  );
  const error = await run.then(() => null, (e) => e);
  assert.ok(error, "a page that failed makes the exit code 1");
  assert.equal(error.code, 1);
  assert.match(error.stderr, /\/missing: HTTP 404/);
  const records = error.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(records.length, pages.length);
  records.forEach((record, i) => {
    const url = `${base}/${pages[i]}`;
    const expected = extract(source(pages[i]), { url, contentType: "text/html" });
    assert.deepEqual(record, expected.toJSON({ markdown: true }));
    assert.equal(record.url, url);
  });
});

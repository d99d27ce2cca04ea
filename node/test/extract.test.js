// extract() on the repository's sample pages, compared with what the command line prints.
"use strict";

const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { describe, test } = require("node:test");

const unchaff = require("..");
const { SAMPLES, SAMPLE_NAMES, samplePath, source, NO_CLI, cli } = require("./helpers");

describe("every sample", () => {
  for (const name of SAMPLE_NAMES) {
    test(`${name}: the text is the expected text`, () => {
      const page = unchaff.extract(source(name));
      assert.ok(page);
      const expected = readFileSync(join(SAMPLES, name, "expected.txt"), "utf8");
      assert.equal(page.text.replace(/\n+$/, "") + "\n", expected);
    });

    test(`${name}: text, Markdown, HTML and JSON are what the command line prints`, { skip: NO_CLI }, () => {
      const path = samplePath(name);
      const page = unchaff.extract(source(name));
      assert.ok(page);
      assert.equal(page.text, cli(path));
      assert.equal(page.markdown(), cli("-f", "markdown", path));
      assert.equal(page.html(), cli("-f", "html", path));
      assert.equal(page.html({ standalone: true }), cli("-f", "html", "--standalone", path));
      const record = JSON.parse(cli("--jsonl", "--with", "markdown,html", path));
      assert.equal(record.path, path);
      delete record.path;
      const mine = page.toJSON({ markdown: true, html: true });
      assert.deepEqual(mine, record);
      assert.deepEqual(Object.keys(mine), Object.keys(record));
    });
  }
});

test("a string gives what its bytes give", () => {
  const bytes = source("formatted-article");
  const fromString = unchaff.extract(bytes.toString("utf8"));
  const fromBytes = unchaff.extract(bytes);
  const fromView = unchaff.extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  assert.equal(fromString.text, fromBytes.text);
  assert.equal(fromView.markdown(), fromBytes.markdown());
});

test("the options are the command line's flags", { skip: NO_CLI }, () => {
  const path = samplePath("formatted-article");
  const url = "https://mirror.example/sourdough";
  const page = unchaff.extract(readFileSync(path), { url, includeTitle: false, images: true });
  assert.ok(page);
  const run = (...args) => cli("--no-title", "--images", "--url", url, ...args, path);
  assert.equal(page.text, run());
  assert.equal(page.markdown(), run("-f", "markdown"));
  assert.equal(page.html(), run("-f", "html"));
  assert.equal(page.html({ standalone: true }), run("-f", "html", "--standalone"));
  const record = JSON.parse(run("--jsonl", "--explain"));
  delete record.path;
  assert.deepEqual(page.toJSON({ explain: true }), record);
  assert.equal(page.url, url);
});

test("the metadata of a news article", () => {
  const page = unchaff.extract(source("news-article"));
  assert.equal(page.title, "Lantern Bay votes to keep its night ferry running through winter");
  assert.deepEqual(page.authors, ["Priya Okonkwo-Hale"]);
  assert.equal(page.byline, "Priya Okonkwo-Hale");
  assert.equal(page.date, "2024-11-12T18:40:00Z");
  assert.equal(page.siteName, "The Harbour Ledger");
  assert.equal(page.language, "en-GB");
  assert.match(page.description, /^Councillors in Lantern Bay agreed on Tuesday/);
  assert.deepEqual(page.tags, []);
  assert.equal(page.image, null);
  const address = "https://www.harbourledger.example/news/local/lantern-bay-night-ferry-winter-4412";
  assert.equal(page.canonicalUrl, address);
  assert.equal(page.url, address);
  assert.equal(page.encoding, "UTF-8");
  const { stats } = page;
  assert.deepEqual(Object.keys(stats).sort(), ["blocks", "chars", "removedBlocks", "removedChars"]);
  assert.ok(stats.chars > 1000 && stats.removedBlocks > 0);
});

test("JSON.stringify gives the command line's record, with its keys", () => {
  const page = unchaff.extract(source("news-article"), { url: "https://mirror.example/ferry" });
  const record = JSON.parse(JSON.stringify(page));
  assert.deepEqual(record, page.toJSON());
  assert.equal(record.url, "https://mirror.example/ferry");
  assert.equal(record.site_name, "The Harbour Ledger");
  assert.equal(record.stats.chars, page.stats.chars);
  assert.equal(record.stats.removed_blocks, page.stats.removedBlocks);
  assert.equal(record.text, page.text);
  assert.ok(!("markdown" in record) && !("explain" in record));
  // A page nested in another object serialises as its record too.
  assert.deepEqual(JSON.parse(JSON.stringify({ page })).page, record);
});

test("a legacy encoding is read from the bytes, and contentType's charset outranks detection", () => {
  const bytes = source("legacy-1251");
  const page = unchaff.extract(bytes);
  assert.equal(page.encoding, "windows-1251");
  const told = unchaff.extract(bytes, { contentType: "text/html; charset=windows-1251" });
  assert.equal(told.text, page.text);
});

test("comments come apart from the article, as the command line gives them", { skip: NO_CLI }, () => {
  const plain = unchaff.extract(source("blog-comments"));
  assert.equal(plain.comments, null);
  assert.ok(!plain.text.includes("seed mat"));
  const page = unchaff.extract(source("blog-comments"), { comments: true });
  assert.equal(page.text, plain.text);
  assert.ok(page.comments.includes("seed mat under the jar"));
  assert.equal(page.markdown(), cli("-f", "markdown", "--comments", samplePath("blog-comments")));
  const record = JSON.parse(cli("--jsonl", "--comments", samplePath("blog-comments")));
  delete record.path;
  assert.deepEqual(page.toJSON(), record);
});

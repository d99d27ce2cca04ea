// What is not an article: null when a page has no article text, an Error with a `kind` when the
// input is not a page, a TypeError for arguments of the wrong type.
"use strict";

const assert = require("node:assert/strict");
const { randomBytes } = require("node:crypto");
const { test } = require("node:test");

const { extract, extractAsync } = require("..");

test("empty pages and pages without article text give null", () => {
  for (const empty of ["", Buffer.alloc(0), "   \n", "<html></html>", Buffer.from("<html><body></body></html>")]) {
    assert.equal(extract(empty), null);
  }
  const menu = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>";
  assert.equal(extract(menu), null);
});

test("binary bytes throw an Error of kind binary", () => {
  const png = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), randomBytes(4096)]);
  assert.throws(() => extract(png), (error) => {
    assert.ok(error instanceof Error);
    assert.equal(error.kind, "binary");
    assert.match(error.message, /binary data/);
    return true;
  });
});

test("an input over the limit throws an Error of kind too_large", () => {
  const huge = Buffer.alloc(64 * 1024 * 1024 + 1, 0x20);
  assert.throws(() => extract(huge), { kind: "too_large", message: /exceeds the limit/ });
});

test("the async variant rejects as the sync one throws", async () => {
  const png = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), randomBytes(4096)]);
  await assert.rejects(extractAsync(png), { kind: "binary" });
  assert.equal(await extractAsync("<html></html>"), null);
  await assert.rejects(extractAsync(42), TypeError);
});

test("other types throw a TypeError", () => {
  for (const wrong of [undefined, null, 12, ["<p>a</p>"], { html: "<p>a</p>" }]) {
    assert.throws(() => extract(wrong), { name: "TypeError", message: /html must be a string, Buffer or Uint8Array/ });
  }
  assert.throws(() => extract("<p>a</p>", "https://example.org/"), TypeError);
});

test("contentType is for bytes only", () => {
  assert.throws(() => extract("<p>a</p>", { contentType: "text/html; charset=utf-8" }), {
    name: "TypeError",
    message: /contentType applies to bytes only/,
  });
});

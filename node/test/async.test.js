// extractAsync on libuv's thread pool: many promises at once give what extract gives.
"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");

const { extract, extractAsync } = require("..");
const { SAMPLE_NAMES, source } = require("./helpers");

test("several promises at once give what the sync extract gives, page by page", async () => {
  // Each sample three times, as a Buffer and as a string, all in flight together.
  const inputs = [];
  for (let round = 0; round < 3; round++) {
    for (const name of SAMPLE_NAMES) {
      const bytes = source(name);
      inputs.push(round === 1 && name !== "legacy-1251" ? bytes.toString("utf8") : bytes);
    }
  }
  const pages = await Promise.all(inputs.map((html) => extractAsync(html)));
  assert.equal(pages.length, inputs.length);
  pages.forEach((page, i) => {
    const expected = extract(inputs[i]);
    assert.ok(page && expected);
    assert.equal(page.text, expected.text);
    assert.equal(page.markdown(), expected.markdown());
    assert.deepEqual(page.toJSON(), expected.toJSON());
  });
});

test("the event loop keeps turning while pages are extracted", async () => {
  const page = source("heavy-boilerplate");
  let finished = false;
  let tickedWhileWorking = false;
  const timer = new Promise((resolve) =>
    setTimeout(() => {
      tickedWhileWorking = !finished;
      resolve();
    }, 0),
  );
  // Enough pages that they take far longer than a timer's turn; run on this thread, they would
  // hold the timer back until the last was done.
  const work = Promise.all(Array.from({ length: 200 }, () => extractAsync(page))).then((done) => {
    finished = true;
    return done;
  });
  const [done] = await Promise.all([work, timer]);
  assert.ok(tickedWhileWorking);
  assert.ok(done.every((p) => p && p.text === done[0].text));
});

test("options reach the async variant", async () => {
  const bytes = source("formatted-article");
  const [mine, theirs] = await Promise.all([
    extractAsync(bytes, { includeTitle: false, images: true, url: "https://mirror.example/a" }),
    Promise.resolve(extract(bytes, { includeTitle: false, images: true, url: "https://mirror.example/a" })),
  ]);
  assert.equal(mine.markdown(), theirs.markdown());
  assert.equal(mine.url, "https://mirror.example/a");
});

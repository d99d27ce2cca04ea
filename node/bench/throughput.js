// Pages per second of the addon over a folder of pages (`.html` or `.html.gz`), read and
// unpacked into memory first, so only extraction is timed: `extract` on this thread, and
// `extractAsync` with every page in flight at once on libuv's pool (UV_THREADPOOL_SIZE threads).
//
//   node bench/throughput.js FOLDER [ROUNDS]
"use strict";

const { readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");
const { gunzipSync } = require("node:zlib");

const { extract, extractAsync } = require("..");

function pagesIn(folder) {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".html") || name.endsWith(".html.gz"))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(folder, name));
      return name.endsWith(".gz") ? gunzipSync(bytes) : bytes;
    });
}

function report(label, pages, bytes, seconds) {
  const rate = (pages / seconds).toFixed(0);
  const mb = (bytes / 1e6 / seconds).toFixed(1);
  console.log(`${label.padEnd(34)} ${rate.padStart(5)} pages/s  ${mb.padStart(6)} MB/s`);
}

async function main() {
  const [folder, rounds = "3"] = process.argv.slice(2);
  if (!folder) {
    console.error("usage: node bench/throughput.js FOLDER [ROUNDS]");
    process.exitCode = 2;
    return;
  }
  const pages = pagesIn(folder);
  const bytes = pages.reduce((sum, page) => sum + page.length, 0);
  console.log(`${pages.length} pages, ${(bytes / 1e6).toFixed(1)} MB, best of ${rounds} rounds`);
  // Wall time, and CPU time of this process (the machine may be shared).
  const best = { sync: Infinity, json: Infinity, async: Infinity, cpu: Infinity };
  for (let round = 0; round < Number(rounds); round++) {
    let start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const page of pages) extract(page);
    best.sync = Math.min(best.sync, Number(process.hrtime.bigint() - start) / 1e9);
    const used = process.cpuUsage(cpu);
    best.cpu = Math.min(best.cpu, (used.user + used.system) / 1e6);
    start = process.hrtime.bigint();
    for (const page of pages) JSON.stringify(extract(page));
    best.json = Math.min(best.json, Number(process.hrtime.bigint() - start) / 1e9);
    start = process.hrtime.bigint();
    await Promise.all(pages.map((page) => extractAsync(page)));
    best.async = Math.min(best.async, Number(process.hrtime.bigint() - start) / 1e9);
  }
  report("extract (text), one thread", pages.length, bytes, best.sync);
  report("extract (text), per CPU second", pages.length, bytes, best.cpu);
  report("extract + JSON.stringify", pages.length, bytes, best.json);
  const threads = process.env.UV_THREADPOOL_SIZE ?? "4";
  report(`extractAsync, all at once (${threads} threads)`, pages.length, bytes, best.async);
}

main();

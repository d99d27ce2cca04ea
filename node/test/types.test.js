// index.d.ts describes what index.js exports: every export and every member of Extraction.
"use strict";

const assert = require("node:assert/strict");
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { test } = require("node:test");

const unchaff = require("..");

const types = readFileSync(join(__dirname, "..", "index.d.ts"), "utf8");
const classBody = types.slice(types.indexOf("export declare class Extraction"));
const extraction = classBody.slice(0, classBody.indexOf("\n}\n"));

test("every export is declared", () => {
  for (const name of Object.keys(unchaff)) {
    assert.match(types, new RegExp(`export declare (function|class) ${name}\\b`), name);
  }
});

test("every getter and method of Extraction is declared, and nothing else", () => {
  const members = Object.getOwnPropertyNames(unchaff.Extraction.prototype).filter(
    // recordJson is what toJSON is built on, not part of the API.
    (name) => name !== "constructor" && name !== "recordJson",
  );
  const declared = [...extraction.matchAll(/^ {2}(?:get )?(\w+)\(/gm)]
    .map((m) => m[1])
    .filter((name) => name !== "constructor");
  assert.deepEqual([...new Set(declared)].sort(), members.sort());
  for (const name of members) {
    const getter = Object.getOwnPropertyDescriptor(unchaff.Extraction.prototype, name).get;
    const pattern = getter ? `get ${name}():` : `${name}(`;
    assert.ok(extraction.includes(`  ${pattern}`), `${name} is declared as a ${getter ? "getter" : "method"}`);
  }
});

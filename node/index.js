// unchaff for Node.js: the native addon (built from the Rust crate with napi-rs) for this
// platform, wrapped so that an input unchaff cannot read throws an Error with a `kind`, and an
// Extraction serialises with JSON.stringify as the command line's `--format json` does.
//
// The addon is looked for as `unchaff.<platform>-<arch>[-abi].node` beside this file (what
// `npm run build` writes), then in an optional per-platform package `@unchaff/<platform>-<arch>`
// (how prebuilt binaries would ship), then as a WebAssembly build `unchaff.wasi.cjs` (napi-rs's
// `wasm32-wasip1-threads` target, which would also serve browsers; not built yet). The
// exported API is the same whichever of them loads.
"use strict";

const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

function abi() {
  if (process.platform === "win32") return "-msvc";
  if (process.platform !== "linux") return "";
  // glibc's Node reports its version; musl's does not.
  const report = typeof process.report?.getReport === "function" ? process.report.getReport() : null;
  if (report?.header?.glibcVersionRuntime) return "-gnu";
  try {
    return readFileSync("/usr/bin/ldd", "utf8").includes("musl") ? "-musl" : "-gnu";
  } catch {
    return "-gnu";
  }
}

function loadBinding() {
  const triple = `${process.platform}-${process.arch}${abi()}`;
  const tried = [];
  const candidates = [
    () => join(__dirname, `unchaff.${triple}.node`),
    () => require.resolve(`@unchaff/${triple}`),
    () => join(__dirname, "unchaff.wasi.cjs"),
  ];
  for (const candidate of candidates) {
    let path;
    try {
      path = candidate();
    } catch {
      continue;
    }
    tried.push(path);
    if (existsSync(path)) return require(path);
  }
  throw new Error(
    `unchaff: no native addon for ${triple} (looked for ${tried.join(", ")}); ` +
      "build it with `npm run build` in the package's folder (needs Rust's cargo)",
  );
}

const native = loadBinding();

/** The outcome of the addon: an Extraction, null, or a failure thrown as an Error. */
function settle(outcome) {
  if (outcome === null || outcome === undefined) return null;
  if (outcome instanceof native.Extraction) return outcome;
  const error = new Error(outcome.message);
  error.kind = outcome.kind;
  throw error;
}

/** The page as the addon takes it: a string, or bytes as a Buffer (not copied). */
function checkedArguments(html, options) {
  if (options !== undefined && options !== null && typeof options !== "object") {
    throw new TypeError("unchaff: options must be an object");
  }
  if (typeof html === "string") {
    if (options?.contentType != null) {
      throw new TypeError("unchaff: contentType applies to bytes only: a string is already decoded");
    }
    return [html, options ?? undefined];
  }
  if (Buffer.isBuffer(html)) return [html, options ?? undefined];
  if (html instanceof Uint8Array) {
    return [Buffer.from(html.buffer, html.byteOffset, html.byteLength), options ?? undefined];
  }
  if (html instanceof ArrayBuffer) return [Buffer.from(html), options ?? undefined];
  const what = html === null ? "null" : typeof html;
  throw new TypeError(`unchaff: html must be a string, Buffer or Uint8Array, not ${what}`);
}

/**
 * The command line's `--format json` object without `path`. JSON.stringify calls it with a key
 * (a string); called with options, `markdown`, `html` and `explain` add those keys as
 * `--with markdown,html` and `--explain` do.
 */
native.Extraction.prototype.toJSON = function toJSON(options) {
  const o = options !== null && typeof options === "object" ? options : {};
  return JSON.parse(this.recordJson(Boolean(o.markdown), Boolean(o.html), Boolean(o.explain)));
};

function extract(html, options) {
  return settle(native.extractNative(...checkedArguments(html, options)));
}

async function extractAsync(html, options) {
  return settle(await native.extractAsyncNative(...checkedArguments(html, options)));
}

module.exports = { extract, extractAsync, Extraction: native.Extraction };

// console.log shows what the page is rather than an empty object.
native.Extraction.prototype[Symbol.for("nodejs.util.inspect.custom")] = function inspect() {
  return `Extraction { title: ${JSON.stringify(this.title)}, chars: ${this.stats.chars} }`;
};

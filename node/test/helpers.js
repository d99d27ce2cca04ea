// Shared helpers of the tests: the repository's sample pages and the command line to compare with.
"use strict";

const { execFileSync } = require("node:child_process");
const { existsSync, readdirSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

const ROOT = join(__dirname, "..", "..");
const SAMPLES = join(ROOT, "samples");
const SAMPLE_NAMES = readdirSync(SAMPLES)
  .filter((name) => existsSync(join(SAMPLES, name, "source.html")))
  .sort();

const samplePath = (name) => join(SAMPLES, name, "source.html");
const source = (name) => readFileSync(samplePath(name));

/** The `unchaff` binary: $UNCHAFF_BIN (which must exist when set), else one built in target/. */
function cliBinary() {
  const named = process.env.UNCHAFF_BIN;
  if (named) {
    if (!existsSync(named)) throw new Error(`UNCHAFF_BIN=${named} does not exist`);
    return named;
  }
  for (const profile of ["release", "debug"]) {
    const built = join(ROOT, "target", profile, "unchaff");
    if (existsSync(built)) return built;
  }
  return null;
}

const CLI = cliBinary();
/** Why the comparisons with the command line are skipped, or false. */
const NO_CLI = CLI === null && "the unchaff binary is not built (cargo build, or set UNCHAFF_BIN)";

/** What the command line prints for `args`. */
const cli = (...args) => execFileSync(CLI, args, { encoding: "utf8", maxBuffer: 64 << 20 });

module.exports = { ROOT, SAMPLES, SAMPLE_NAMES, samplePath, source, CLI, NO_CLI, cli };

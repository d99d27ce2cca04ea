// Builds the native addon (release) unless one for this platform is already beside index.js,
// so that `npm install && npm test` work on a fresh clone. `npm run build` rebuilds it always.
"use strict";

const { execFileSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");
const built = readdirSync(root).some(
  (name) => name.startsWith(`unchaff.${process.platform}-${process.arch}`) && name.endsWith(".node"),
);
if (!built) {
  console.error("unchaff: building the native addon (cargo build --release, a few minutes)");
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
}

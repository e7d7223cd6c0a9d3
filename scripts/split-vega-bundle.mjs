// Splits the Vega bundle (one classic script) into several classic scripts that run one after
// the other, so that no single task evaluates all of Vega's start-up code:
//
//     node scripts/split-vega-bundle.mjs BUNDLE OUT_DIR [ACORN_MODULE]
//
// The bundle is a flat script (vl-convert inlines every module into one top-level scope).
// Top-level const/let/class names are shared by all classic scripts of a page, as are
// functions and vars, so the statements can be cut into files that run in order:
//   - every function declaration goes first (a function is hoisted: code of a later
//     statement may call one declared below it), and every top-level var is declared there;
//   - then the other statements, in their order.
// The first file, vega-bundle.js, names the others (self.vegaBundleParts); site.js loads them.
// ACORN_MODULE: acorn's dist/acorn.mjs (default .tools/node_modules/acorn/dist/acorn.mjs,
// from `npm i acorn` in .tools/).
import fs from "node:fs";
import path from "node:path";
import {pathToFileURL} from "node:url";

const [bundle, outDir, acornPath = ".tools/node_modules/acorn/dist/acorn.mjs"] = process.argv.slice(2);
const acorn = await import(pathToFileURL(path.resolve(acornPath)).href);
const DECLARATIONS_BYTES = 80_000;  // declaring functions costs little (they compile lazily)
const STATEMENTS_BYTES = 24_000;    // running statements costs more: about 10 ms per file on a slow phone

const source = fs.readFileSync(bundle, "utf8");
const program = acorn.parse(source, {ecmaVersion: "latest", sourceType: "script"});
if (program.body.some(node => node.type === "ExpressionStatement" && node.directive)) {
  throw new Error("a directive prologue ('use strict') would have to be repeated in every file");
}
const declarations = [];
const statements = [];
const vars = [];
for (const node of program.body) {
  const text = source.slice(node.start, node.end);
  if (node.type === "FunctionDeclaration") { declarations.push(text); continue; }
  if (node.type === "VariableDeclaration" && node.kind === "var") {
    for (const declarator of node.declarations) {
      if (declarator.id.type !== "Identifier") { throw new Error("a destructuring var at the top level"); }
      vars.push(declarator.id.name);
    }
  }
  statements.push(text);
}

function pack(texts, bytes) {
  const files = [];
  let current = "";
  for (const text of texts) {
    if (current && current.length + text.length > bytes) { files.push(current); current = ""; }
    current += text + "\n";
  }
  if (current) { files.push(current); }
  return files;
}

const files = [...pack(declarations, DECLARATIONS_BYTES), ...pack(statements, STATEMENTS_BYTES)];
const names = files.map((_, i) => (i ? `vega-bundle-${i + 1}.js` : "vega-bundle.js"));
if (vars.length) { files[0] = `var ${vars.join(",")};\n` + files[0]; }
files[0] += `self.vegaBundleParts=${JSON.stringify(names.slice(1))};\n`;
fs.mkdirSync(outDir, {recursive: true});
files.forEach((text, i) => fs.writeFileSync(path.join(outDir, names[i]), text));
console.log(JSON.stringify(names));

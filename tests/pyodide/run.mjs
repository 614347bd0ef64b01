// Runs the unit tests inside real Pyodide (the pinned npm package) on Node, against the calculator wheel the
// site serves, installed by name from the site's lockfile with its sha256 checked — the same path the browser
// takes. pytest and hypothesis come from build/pyodide-test-deps (copied from the venv by scripts/test).
//   node tests/pyodide/run.mjs [extra pytest args]
import { loadPyodide, version } from "pyodide";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = `${root}build/pyodide/`;
const deps = `${root}build/pyodide-test-deps`;

const pyodide = await loadPyodide({
  lockFileContents: readFileSync(`${dist}pyodide-lock.json`, "utf8"),
  packageBaseUrl: dist,
});
const decoder = new TextDecoder();
pyodide.setStdout({ write: (bytes) => { process.stdout.write(decoder.decode(bytes)); return bytes.length; } });
pyodide.setStderr({ write: (bytes) => { process.stderr.write(decoder.decode(bytes)); return bytes.length; } });
await pyodide.loadPackage("ssi-calculator", { checkIntegrity: true, messageCallback: () => {} });
pyodide.mountNodeFS("/deps", deps);
pyodide.mountNodeFS("/tests", `${root}tests`);
pyodide.FS.writeFile("/tmp/pytest.ini", "[pytest]\naddopts = -p no:cacheprovider\nmarkers =\n  native: native only\n");

console.log(`Pyodide ${version} (Python ${pyodide.runPython("import sys; sys.version.split()[0]")})`);
const args = ["/tests/unit", "-q", "-m", "not native", "-c", "/tmp/pytest.ini", "--rootdir", "/tests",
  "--doctest-modules", "--pyargs", "calculator", ...process.argv.slice(2)];
pyodide.globals.set("pytest_args", pyodide.toPy(args));
const code = pyodide.runPython(`
import os, sys
sys.path.append("/deps")
os.chdir("/tmp")
import calculator, pytest
assert calculator.__file__.startswith(sys.prefix), f"testing {calculator.__file__}, not the installed wheel"
print("calculator from", os.path.dirname(calculator.__file__))
int(pytest.main(list(pytest_args)))
`);
process.exit(code);

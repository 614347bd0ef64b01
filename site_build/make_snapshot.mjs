// Make the calculator's Pyodide memory snapshot from the very files the site serves.
//   node site_build/make_snapshot.mjs DIST   (DIST = build/pyodide: runtime, lockfile, wheel)
// Boots Pyodide from DIST, installs the calculator wheel named in DIST's lockfile, imports every mode (and
// the standard-library modules they use), then writes DIST/snapshot/<sha16>/calculator.snapshot.gz and
// DIST/snapshot.json describing it. A browser restoring it skips Python's start-up and the imports.
// Snapshots are private Pyodide API tied to the exact build, so snapshot.json records that build.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

// About half of Python's memory is pages of zeros: the file leaves them out, and says where the rest goes as
// runs of [first page, page count]; the browser starts from a zeroed buffer (docs/javascripts/snapshot-format.mjs).
const PAGE_BYTES = 65536; // one WebAssembly page

function nonZeroPages(raw, size) {
  const runs = [];
  const pages = [];
  for (let start = 0; start < raw.length; start += size) {
    const page = raw.subarray(start, Math.min(start + size, raw.length));
    if (page.every((byte) => byte === 0)) continue;
    const index = start / size;
    const last = runs.at(-1);
    if (last && last[0] + last[1] === index) last[1] += 1;
    else runs.push([index, 1]);
    pages.push(page);
  }
  return { runs, pages };
}

const dist = new URL(`${process.argv[2].replace(/\/?$/, "/")}`, `file://${process.cwd()}/`);
const { loadPyodide, version } = await import(new URL("pyodide.mjs", dist).href);
const lock = JSON.parse(readFileSync(new URL("pyodide-lock.json", dist), "utf8"));
const entry = lock.packages["ssi-calculator"];

const pyodide = await loadPyodide({ indexURL: dist.pathname, _makeSnapshot: true, stdout: () => {} });
const heapBefore = pyodide._module.HEAP8.length;
// Installed with zipfile rather than loadPackage: loadPackage leaves JavaScript references behind that a
// snapshot cannot hold. The wheel's sha256 is checked here instead, against the lockfile the site serves.
const wheel = readFileSync(new URL(entry.file_name, dist));
const sha = createHash("sha256").update(wheel).digest("hex");
if (sha !== entry.sha256) throw new Error(`wheel sha256 ${sha} does not match the lockfile's ${entry.sha256}`);
pyodide.FS.writeFile("/tmp/calculator.whl", new Uint8Array(wheel));
pyodide.runPython(`
import sysconfig, zipfile
zipfile.ZipFile("/tmp/calculator.whl").extractall(sysconfig.get_paths()["purelib"])
import calculator.web, calculator.modes
calculator.modes.registry()   # every mode module: files are not in the snapshot, so import them now
import traceback              # imported lazily by calculator.web when something goes wrong
`);
const heap = pyodide._module.HEAP8.length;
// Pyodide issue 6254: a snapshot taken after the heap grew past its start size fails to restore.
if (heap !== heapBefore) throw new Error(`the wasm heap grew from ${heapBefore} to ${heap} bytes; the snapshot would not restore`);
const raw = pyodide.makeMemorySnapshot();
const { runs, pages } = nonZeroPages(raw, PAGE_BYTES);
const gz = gzipSync(Buffer.concat(pages), { level: 9 });
const id = createHash("sha256").update(gz).digest("hex").slice(0, 16);
const file = `snapshot/${id}/calculator.snapshot.gz`;
mkdirSync(new URL(`snapshot/${id}/`, dist), { recursive: true });
writeFileSync(new URL(file, dist), gz);
const meta = {
  file, pyodide: version, wheel_sha256: entry.sha256, raw_bytes: raw.length, gz_bytes: gz.length, heap_bytes: heap,
  page_bytes: PAGE_BYTES, runs,
};
writeFileSync(new URL("snapshot.json", dist), JSON.stringify(meta));
console.log(JSON.stringify(meta));

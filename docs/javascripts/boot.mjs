// Starts Python in this worker (calculator-worker.mjs) and returns calculator.web.handle_json. Two ways:
// - from the memory snapshot made at build time (Python already started, calculator imported): fast, but the
//   snapshot is 6.8 MB more to download on a first visit;
// - a normal boot, installing the calculator wheel by name from the lockfile (sha256 checked).
// The strategy chooses: "auto" (the default) restores the snapshot, except on a first visit over a link too
// slow for it to pay (judged on its first bytes: snapshot-helper.mjs), where it boots normally and keeps the
// snapshot for next time; and on a connection that asks to save data, or is slow (saveData, or an effectiveType of
// 3g or slower), it downloads no snapshot at all: only a copy already in this browser is restored. "snapshot" always restores; "cached" restores only when this browser kept the
// snapshot on an earlier visit; "normal" never restores (benchmarks compare them all).
// Any failure of a restore falls back to a normal boot, so the page always gets a calculator.
import { copyPlaces, spread } from "./snapshot-format.mjs";
import { SlowLink } from "./snapshot-helper.mjs";
import { forget, readEarly } from "./snapshot-keep.mjs";
import { download, keepSnapshot, obtainSnapshot } from "./snapshot-source.mjs";

export const STRATEGIES = ["auto", "snapshot", "cached", "normal"];
const pyodideBase = new URL("../pyodide/", import.meta.url);
const timings = {}; // milliseconds since the worker started, per step: reported with "ready" for benchmarks
const step = (name) => { timings[name] = Math.round(performance.now()); };
// Work for after the calculator answers (keeping the snapshot for the next visit): the pipe runs it once the
// visitor pauses.
const afterwards = [];
let runtime, emscripten, report;

// Resolves to { handle, via, from, fallback, slow, timings, afterwards }; `progress(stage)` is told what it is
// doing ("python": downloading and starting Python; "snapshot": restoring it), for the page's status line.
export function boot(strategy, progress) {
  report = progress;
  // Before anything else occupies this thread (snapshot-keep.mjs).
  if (strategy !== "normal") readEarly().then((kept) => { if (kept) step("kept-read"); });
  // Fetched and compiled at once, while the snapshot's description is on its way: every boot needs them. The
  // second, Pyodide's 1.2 MB Emscripten module, would otherwise be imported only once loadPyodide is running.
  runtime = import(new URL("pyodide.mjs", pyodideBase).href);
  runtime.then(() => step("runtime-imported"), () => {});
  emscripten = import(new URL("pyodide.asm.mjs", pyodideBase).href);
  emscripten.then(() => step("emscripten-imported"), () => {});
  return choose(STRATEGIES.includes(strategy) ? strategy : "auto")
    .then((started) => { step("ready"); return { ...started, timings, afterwards }; });
}

const createPyodideModule = async (settings) => (await emscripten).default(settings);
const fetchFresh = (name) => fetch(new URL(name, pyodideBase), { cache: "no-cache" }).then((response) => {
  if (!response.ok) throw new Error(`${name} answered HTTP ${response.status}`);
  return response;
});

async function choose(strategy) {
  if (strategy === "normal") return { handle: await bootNormally(), via: "normal" };
  const meta = fetchFresh("snapshot.json").then((r) => r.json());
  meta.then(() => step("meta"), () => {});
  try {
    report("snapshot");
    if (strategy === "cached") {
      const found = await meta.then((m) => obtainSnapshot(m, true, step));
      if (found.from) {
        const { handle, from } = await bootFromSnapshot(meta, Promise.resolve(found));
        return { handle, via: "snapshot", from };
      }
      const handle = await bootNormally();
      afterwards.push(async () => keepSnapshotForNextTime(await meta));
      return { handle, via: "normal" };
    }
    if (strategy === "auto" && savingData()) return await bootSavingData(meta);
    if (strategy === "auto" && (await firstVisit())) return await bootOnFirstVisit(meta);
    const { handle, from } = await bootFromSnapshot(meta, meta.then((m) => obtainSnapshot(m, false, step)));
    return { handle, via: "snapshot", from };
  } catch (error) {
    const reason = String((error && error.message) || error);
    forget().catch(() => {}); // a kept copy that failed is never tried again
    return { handle: await bootNormally(), via: "normal", fallback: reason };
  }
}

async function bootNormally() {
  report("python");
  const [{ loadPyodide }, lock] = await Promise.all([
    runtime,
    fetchFresh("pyodide-lock.json").then((r) => r.json()),
  ]);
  const problems = [];
  const pyodide = await loadPyodide({
    indexURL: pyodideBase.href,
    lockFileContents: lock,
    packageBaseUrl: pyodideBase.href,
    packages: ["ssi-calculator"], // fetched while Python starts, its sha256 checked against the lockfile
    stdout: () => {},
    stderr: (line) => problems.push(line),
  });
  try {
    return pyodide.pyimport("calculator.web").handle_json;
  } catch (error) {
    // Loading a package can end without throwing when a download or its sha256 check failed.
    throw new Error(problems.join(" ") || "the calculator package did not install");
  }
}

// Restores Python from the snapshot. Pyodide asks for the snapshot as soon as its runtime is loaded, but only
// to size its memory: if the bytes have not arrived by then it gets zeros of the right size, and the bytes are
// put in at the very end, in the fsInit hook, so that reading or downloading them never holds Pyodide up.
// Memory left at zeros is refused by Pyodide ("invalid magic number"): a snapshot that fails to arrive is
// never half-restored. Only the non-zero places are ever copied (snapshot-format.mjs).
async function bootFromSnapshot(described, source) {
  const { loadPyodide, version } = await runtime;
  const checked = described.then((meta) => {
    if (meta.pyodide !== version) throw new Error(`the snapshot is for Pyodide ${meta.pyodide}, not ${version}`);
    return meta;
  });
  let failure = null;
  const arrived = Promise.all([checked, source]).then(([, found]) => found)
    .catch((error) => { failure = error; return null; });
  // Pyodide keeps its options for good: they reach the snapshot's 30 MB only through `bytes`, let go below.
  const bytes = { arrived, found: null, target: null, filled: false };
  arrived.then((found) => { if (bytes.arrived) bytes.found = found; });
  const fill = (found, meta) => {
    if (found.pages) spread(found.pages, meta, bytes.target);
    else copyPlaces(found.memory, meta, bytes.target);
    bytes.filled = true;
  };
  const snapshot = {
    then: (resolve, reject) => checked.then((meta) => {
      const { found } = bytes;
      if (found && found.memory) {
        bytes.target = found.memory; // downloaded already: handed over as it is
        bytes.filled = true;
      } else {
        bytes.target = new Uint8Array(meta.raw_bytes);
        if (found) fill(found, meta);
      }
      return bytes.target;
    }).then(resolve, reject),
  };
  const fsInit = async () => {
    const [found, meta] = await Promise.all([bytes.arrived, checked]);
    if (found && !bytes.filled) fill(found, meta);
  };
  let pyodide;
  try {
    pyodide = await loadPyodide({
      indexURL: pyodideBase.href, createPyodideModule, _loadSnapshot: snapshot, fsInit, stdout: () => {} });
  } catch (error) {
    throw failure || error;
  } finally {
    bytes.arrived = bytes.found = bytes.target = null;
  }
  step("restored");
  // Every restored session starts from the same random state; give this one its own.
  pyodide.runPython("import random; random.seed()");
  const handle = pyodide.pyimport("calculator.web").handle_json;
  const [meta, found] = await Promise.all([checked, source]);
  if (found.from === "network") afterwards.push(() => keepSnapshot(meta, found.memory));
  return { handle, from: found.from };
}

// After a normal boot, download and keep the snapshot for the next visit (strategies "cached" and "auto").
async function keepSnapshotForNextTime(meta) {
  const found = await obtainSnapshot(meta, false, step);
  if (found.from === "network") await keepSnapshot(meta, found.memory);
}

// True when Pyodide's runtime script came over the network, body and all: this browser holds none of its files
// yet. From the HTTP cache or the offline copy nothing is transferred; a cached copy revalidated with the
// server (304) transfers its headers only, less than the body.
async function firstVisit() {
  await runtime;
  const entry = performance.getEntriesByName(new URL("pyodide.mjs", pyodideBase).href)[0];
  return Boolean(entry && entry.transferSize > entry.encodedBodySize);
}

// A first visit: the snapshot is downloaded at once (no copy can be kept when the runtime was not), and its
// first bytes judge the link. On a link too slow for it to pay, its download stops, the restore fails (Python's
// memory stays zeros), Python boots normally, and the snapshot is kept for next time.
async function bootOnFirstVisit(meta) {
  try {
    const { handle, from } = await bootFromSnapshot(meta, download(meta, true, step));
    return { handle, via: "snapshot", from };
  } catch (error) {
    if (!(error instanceof SlowLink)) throw error; // a broken snapshot: choose() falls back and says why
  }
  const handle = await bootNormally();
  afterwards.push(async () => keepSnapshotForNextTime(await meta));
  return { handle, via: "normal", slow: true };
}

// True when the connection asks to save data, or is too slow for 6.8 MB more to pay (issue 18). Chromium has
// navigator.connection in workers too; where there is none, nothing is assumed.
const SLOW_TYPES = ["slow-2g", "2g", "3g"];
function savingData() {
  const connection = self.navigator && navigator.connection;
  return Boolean(connection && (connection.saveData || SLOW_TYPES.includes(connection.effectiveType)));
}

// Saving data: restore a copy this browser already holds (kept in the origin-private file system, or in the
// offline copy, which the service worker serves without the network); otherwise boot normally, and keep
// nothing for next time (keeping means downloading the snapshot).
async function bootSavingData(meta) {
  step("save-data");
  const described = await meta;
  const kept = await obtainSnapshot(described, true, step);
  if (kept.from) {
    const { handle, from } = await bootFromSnapshot(meta, Promise.resolve(kept));
    return { handle, via: "snapshot", from };
  }
  if (await inOfflineCopy(described)) {
    const { handle } = await bootFromSnapshot(meta, download(described, false, step));
    return { handle, via: "snapshot", from: "offline-copy" };
  }
  return { handle: await bootNormally(), via: "normal" };
}

async function inOfflineCopy(meta) {
  try {
    return Boolean(self.caches && (await caches.match(new URL(meta.file, pyodideBase).href)));
  } catch {
    return false; // Cache Storage blocked: as if there were no copy
  }
}

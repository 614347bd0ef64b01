// Runs the Python calculator in Pyodide, off the page's main thread. It passes messages and nothing else:
// every answer is computed and rendered by calculator.web.handle_json.
//
// Two ways to start Python:
// - from the memory snapshot made at build time (Python already started, calculator imported): fast, but the
//   snapshot is 6.8 MB more to download on a first visit;
// - a normal boot, installing the calculator wheel by name from the lockfile (sha256 checked).
// The "boot" parameter of this script's URL chooses: "auto" (the default) restores the snapshot, except on a
// first visit over a link too slow for it to pay (judged on its first bytes: snapshot-helper.mjs), where it
// boots normally and keeps the snapshot for next time. "snapshot" always restores; "cached" restores only when
// this browser kept the snapshot on an earlier visit; "normal" never restores (benchmarks compare them all).
// Any failure of a restore falls back to a normal boot, so the page always gets a calculator.
import { copyPlaces, spread } from "./snapshot-format.mjs";
import { SlowLink } from "./snapshot-helper.mjs";
import { forget, readEarly, readKept } from "./snapshot-keep.mjs";

const pyodideBase = new URL("../pyodide/", import.meta.url);
// "auto" is the default: scripts/bench measured it best on every link (README, Performance).
const strategy = new URL(import.meta.url).searchParams.get("boot") || "auto";
let handleJson = null;
const timings = {}; // milliseconds since the worker started, per step: reported with "ready" for benchmarks
const step = (name) => { timings[name] = Math.round(performance.now()); };
// Before anything else occupies this thread (snapshot-keep.mjs).
if (strategy !== "normal") readEarly().then((kept) => { if (kept) step("kept-read"); });

const progress = (text) => postMessage({ type: "progress", text });
// Fetched and compiled at once, while the snapshot's description is on its way: every boot needs them. The
// second, Pyodide's 1.2 MB Emscripten module, would otherwise be imported only once loadPyodide is running.
const runtime = import(new URL("pyodide.mjs", pyodideBase).href);
runtime.then(() => step("runtime-imported"), () => {});
const emscripten = import(new URL("pyodide.asm.mjs", pyodideBase).href);
emscripten.then(() => step("emscripten-imported"), () => {});
const createPyodideModule = async (settings) => (await emscripten).default(settings);
const fetchFresh = (name) => fetch(new URL(name, pyodideBase), { cache: "no-cache" }).then((response) => {
  if (!response.ok) throw new Error(`${name} answered HTTP ${response.status}`);
  return response;
});

async function bootNormally() {
  progress("Loading the calculator… (downloading Python, about 6 MB on a first visit)");
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

// The snapshot: { from: "kept", pages } (the kept copy's pages, see spread()), { from: "network", memory } (the
// unpacked memory), or { from: null } with keptOnly and no copy. A copy kept on an earlier visit
// (snapshot-keep.mjs) is read right here, started before Pyodide occupies this thread (readEarly above);
// scripts/bench measured a helper worker for it slower.
async function obtainSnapshot(meta, keptOnly) {
  // Never waits long on the file system (a copy another page is still writing is locked): past
  // KEPT_PATIENCE_MS the snapshot is downloaded instead.
  const kept = await Promise.race([readKept(meta).catch(() => null), delay(KEPT_PATIENCE_MS).then(() => null)]);
  if (kept) {
    step("snapshot-kept");
    return { from: "kept", pages: kept };
  }
  return keptOnly ? { from: null } : download(meta);
}

// Downloads and unpacks the snapshot in snapshot-helper.mjs, a worker of its own (or here where a worker cannot
// start another), started at once: `meta` may still be on its way. With `judging`, a download found too slow
// for the link is stopped and this rejects with SlowLink.
async function download(meta, judging = false) {
  const described = Promise.resolve(meta);
  const urlOf = (m) => new URL(m.file, pyodideBase).href;
  const { memory } = await viaHelper(described.then((m) => ({ meta: m, url: urlOf(m), judging })), [],
    async (helper) => { const m = await described; return { memory: await helper.download(m, urlOf(m), judging) }; });
  step("snapshot-downloaded");
  return { from: "network", memory };
}

// Keep the memory for the next visit (the buffer moves to the helper).
function keepSnapshot(meta, memory) {
  return viaHelper({ keep: true, meta, memory }, [memory.buffer], (helper) => helper.keep(meta, memory));
}

const KEPT_PATIENCE_MS = 5000;
const delay = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

class Unsupported extends Error {}

async function viaHelper(message, transfer, here) {
  try {
    return await askHelper(message, transfer);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return here(await import("./snapshot-helper.mjs"));
  }
}

// The helper's answer. The helper starts at once; `message` may be a promise.
function askHelper(message, transfer) {
  return new Promise((resolve, reject) => {
    let helper;
    try {
      helper = new Worker(new URL("snapshot-helper.mjs", import.meta.url), { type: "module", name: "ssi-snapshot" });
    } catch (error) {
      reject(new Unsupported(error.message));
      return;
    }
    helper.addEventListener("message", ({ data }) => {
      helper.terminate();
      if (data.error) reject(data.slow ? new SlowLink(data.error) : new Error(data.error)); else resolve(data);
    });
    helper.addEventListener("error", (event) => {
      helper.terminate();
      reject(new Error(event.message || "the snapshot's helper could not start"));
    });
    Promise.resolve(message).then((data) => helper.postMessage(data, transfer), (error) => {
      helper.terminate();
      reject(error);
    });
  });
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
  // Pyodide keeps its options for good: they reach the snapshot's 30 MB only through `held`, let go below.
  const held = { arrived, found: null, target: null, filled: false };
  arrived.then((found) => { if (held.arrived) held.found = found; });
  const fill = (found, meta) => {
    if (found.pages) spread(found.pages, meta, held.target);
    else copyPlaces(found.memory, meta, held.target);
    held.filled = true;
  };
  const snapshot = {
    then: (resolve, reject) => checked.then((meta) => {
      const { found } = held;
      if (found && found.memory) {
        held.target = found.memory; // downloaded already: handed over as it is
        held.filled = true;
      } else {
        held.target = new Uint8Array(meta.raw_bytes);
        if (found) fill(found, meta);
      }
      return held.target;
    }).then(resolve, reject),
  };
  const fsInit = async () => {
    const [found, meta] = await Promise.all([held.arrived, checked]);
    if (found && !held.filled) fill(found, meta);
  };
  let pyodide;
  try {
    pyodide = await loadPyodide({
      indexURL: pyodideBase.href, createPyodideModule, _loadSnapshot: snapshot, fsInit, stdout: () => {} });
  } catch (error) {
    throw failure || error;
  } finally {
    held.arrived = held.found = held.target = null;
  }
  step("restored");
  // Every restored session starts from the same random state; give this one its own.
  pyodide.runPython("import random; random.seed()");
  const handle = pyodide.pyimport("calculator.web").handle_json;
  const [meta, found] = await Promise.all([checked, source]);
  if (found.from === "network") afterReady(() => keepSnapshot(meta, found.memory));
  return { handle, from: found.from };
}

// After a normal boot, download and keep the snapshot for the next visit (strategy "cached").
async function keepSnapshotForNextTime(meta) {
  const found = await obtainSnapshot(meta, false);
  if (found.from === "network") await keepSnapshot(meta, found.memory);
}

async function boot() {
  if (strategy === "normal") return { handle: await bootNormally(), via: "normal" };
  const meta = fetchFresh("snapshot.json").then((r) => r.json());
  meta.then(() => step("meta"), () => {});
  try {
    progress("Loading the calculator…");
    if (strategy === "cached") {
      const found = await meta.then((m) => obtainSnapshot(m, true));
      if (found.from) {
        const { handle, from } = await bootFromSnapshot(meta, Promise.resolve(found));
        return { handle, via: "snapshot", from };
      }
      const handle = await bootNormally();
      afterReady(async () => keepSnapshotForNextTime(await meta));
      return { handle, via: "normal" };
    }
    if (strategy === "auto" && (await firstVisit())) return await bootOnFirstVisit(meta);
    const { handle, from } = await bootFromSnapshot(meta, meta.then((m) => obtainSnapshot(m, false)));
    return { handle, via: "snapshot", from };
  } catch (error) {
    const reason = String((error && error.message) || error);
    forget().catch(() => {}); // a kept copy that failed is never tried again
    return { handle: await bootNormally(), via: "normal", fallback: reason };
  }
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
    const { handle, from } = await bootFromSnapshot(meta, download(meta, true));
    return { handle, via: "snapshot", from };
  } catch (error) {
    if (!(error instanceof SlowLink)) throw error; // a broken snapshot: boot() falls back and says why
  }
  const handle = await bootNormally();
  afterReady(async () => keepSnapshotForNextTime(await meta));
  return { handle, via: "normal", slow: true };
}

// Work for once the calculator answers and the visitor has paused (no request for QUIET_MS): it must not
// compete with the answers they are waiting for (scripts/bench measured that it did).
const later = [];
const QUIET_MS = 2000;
let quietTimer = null;
function afterReady(work) {
  later.push(work);
}
function whenQuiet() {
  clearTimeout(quietTimer);
  quietTimer = setTimeout(async () => {
    for (const work of later.splice(0)) await work().catch(() => {});
  }, QUIET_MS);
}

const ready = boot().then(
  ({ handle, via, from, fallback, slow }) => {
    handleJson = handle;
    step("ready");
    postMessage({ type: "ready", via, from, fallback, slow: Boolean(slow), timings });
    whenQuiet();
  },
  (error) => postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

addEventListener("message", async ({ data }) => {
  if (data.type !== "run") return;
  await ready;
  if (!handleJson) return;
  if (later.length) whenQuiet();
  const started = performance.now();
  const request = JSON.stringify(data.request);
  const answer = JSON.parse(handleJson(request));
  postMessage({ type: "result", id: data.id, ...answer, python_ms: performance.now() - started });
  if (!data.request.action) warmUp(request);
});

// V8 runs Pyodide's WebAssembly first with a quick baseline compiler, and optimises the functions in use only
// after they have run a while: in the browser the first dozen answers took 10–28 ms, later ones 2–5 ms
// (scripts/bench). So while the page is idle after its first answer, that request is repeated a few times and
// the answers are thrown away: the visitor's first edits already get optimised code. Bounded in runs and in
// time, and each run is a task of its own, so a real request waits for one run at most.
const WARM_UP_RUNS = 60;
const WARM_UP_MS = 800;
let warmingStarted = false;
function warmUp(request) {
  if (warmingStarted) return;
  warmingStarted = true;
  let runs = WARM_UP_RUNS;
  let budget = WARM_UP_MS;
  const run = () => {
    const started = performance.now();
    handleJson(request);
    budget -= performance.now() - started;
    runs -= 1;
    if (runs > 0 && budget > 0) setTimeout(run, 0);
    else postMessage({ type: "warm" });
  };
  setTimeout(run, 0);
}

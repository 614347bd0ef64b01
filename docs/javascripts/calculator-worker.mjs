// Runs the Python calculator in Pyodide, off the page's main thread. It passes messages and nothing else:
// every answer is computed and rendered by calculator.web.handle_json.
//
// Two ways to start Python, chosen by the "boot" parameter of this script's URL:
// - from the memory snapshot made at build time (Python already started, calculator imported): fast;
// - a normal boot, installing the calculator wheel by name from the lockfile (sha256 checked).
// "snapshot" always restores; "cached" restores only when this browser kept the snapshot on an earlier visit
// (and otherwise boots normally and keeps the snapshot for next time); "normal" never restores.
// Any failure of a restore falls back to a normal boot, so the page always gets a calculator.
import { forget, keep, readKept } from "./snapshot-keep.mjs";

const pyodideBase = new URL("../pyodide/", import.meta.url);
// "snapshot" is the default: scripts/bench measured it fastest (README, Performance).
const strategy = new URL(import.meta.url).searchParams.get("boot") || "snapshot";
let handleJson = null;
const timings = {}; // milliseconds since the worker started, per step: reported with "ready" for benchmarks
const step = (name) => { timings[name] = Math.round(performance.now()); };

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

// The snapshot's memory, downloaded and unpacked by a worker of its own (snapshot-unpack.mjs explains the
// format), or here where a worker cannot start another.
async function download(meta) {
  const url = new URL(meta.file, pyodideBase).href;
  let memory;
  try {
    memory = await downloadAside(url, meta);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    const { download: here } = await import("./snapshot-unpack.mjs");
    memory = await here(url, meta);
  }
  step("snapshot-unpacked");
  return memory;
}

class Unsupported extends Error {}

function downloadAside(url, meta) {
  return new Promise((resolve, reject) => {
    let helper;
    try {
      helper = new Worker(new URL("snapshot-unpack.mjs", import.meta.url), { type: "module", name: "ssi-unpack" });
    } catch (error) {
      reject(new Unsupported(error.message));
      return;
    }
    helper.addEventListener("message", ({ data }) => {
      helper.terminate();
      if (data.error) reject(new Error(data.error)); else resolve(data.memory);
    });
    helper.addEventListener("error", (event) => {
      helper.terminate();
      reject(new Error(event.message || "the snapshot's unpacker could not start"));
    });
    helper.postMessage({ url, meta });
  });
}

// Where the snapshot's memory comes from: the copy this browser kept on an earlier visit (snapshot-keep.mjs),
// else the network; with onlyIfKept (strategy "cached"), nowhere else: null.
async function snapshotSource(meta, onlyIfKept) {
  const kept = await readKept(meta).catch(() => null);
  if (kept) {
    step("snapshot-read");
    return { from: "kept", kept };
  }
  if (onlyIfKept) return null;
  return { from: "network", unpacking: download(meta) };
}

// Restores Python from the snapshot. Pyodide needs only the snapshot's size to start (download and compile
// its WebAssembly, link its runtime); downloaded bytes are waited for at the very end, in the fsInit hook,
// so that fetching and unpacking them happen meanwhile. Until they arrive the memory is zeros, which
// Pyodide refuses ("invalid magic number"): a snapshot that fails to unpack is never half-restored.
async function bootFromSnapshot(described, source) {
  const { loadPyodide, version } = await runtime;
  const checked = described.then((meta) => {
    if (meta.pyodide !== version) throw new Error(`the snapshot is for Pyodide ${meta.pyodide}, not ${version}`);
    return meta;
  });
  const memory = Promise.all([checked, source]).then(([meta, s]) => s.kept || new Uint8Array(meta.raw_bytes));
  let failure = null;
  const unpacked = Promise.all([checked, source]).then(([, s]) => s.kept || s.unpacking)
    .catch((error) => { failure = error; return null; });
  // Pyodide keeps its options for good: they reach the snapshot's 30 MB only through `held`, let go below.
  const held = { memory, unpacked };
  const fsInit = async () => {
    const [bytes, target] = await Promise.all([held.unpacked, held.memory]);
    if (bytes && bytes !== target) target.set(bytes);
  };
  const snapshot = { then: (resolve, reject) => held.memory.then(resolve, reject) };
  let pyodide;
  try {
    pyodide = await loadPyodide({
      indexURL: pyodideBase.href, createPyodideModule, _loadSnapshot: snapshot, fsInit, stdout: () => {} });
  } catch (error) {
    throw failure || error;
  } finally {
    held.memory = held.unpacked = null;
  }
  step("restored");
  // Every restored session starts from the same random state; give this one its own.
  pyodide.runPython("import random; random.seed()");
  const handle = pyodide.pyimport("calculator.web").handle_json;
  const [meta, { from }] = await Promise.all([checked, source]);
  if (from === "network") afterReady(async () => keep(meta, await unpacked));
  return { handle, from };
}

// After a normal boot, download and keep the snapshot for the next visit (strategy "cached").
async function keepSnapshotForNextTime(meta) {
  await keep(meta, await download(meta));
}

async function boot() {
  if (strategy === "normal") return { handle: await bootNormally(), via: "normal" };
  const meta = fetchFresh("snapshot.json").then((r) => r.json());
  try {
    progress("Loading the calculator…");
    const source = meta.then((m) => snapshotSource(m, strategy === "cached"));
    if (strategy === "snapshot" || (await source)) {
      const { handle, from } = await bootFromSnapshot(meta, source);
      return { handle, via: "snapshot", from };
    }
    const handle = await bootNormally();
    afterReady(async () => keepSnapshotForNextTime(await meta));
    return { handle, via: "normal" };
  } catch (error) {
    const reason = String((error && error.message) || error);
    forget().catch(() => {}); // a kept copy that failed is never tried again
    return { handle: await bootNormally(), via: "normal", fallback: reason };
  }
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
  ({ handle, via, from, fallback }) => {
    handleJson = handle;
    step("ready");
    postMessage({ type: "ready", via, from, fallback, timings });
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
const WARM_UP = { runs: 60, ms: 800 };
let warming = false;
function warmUp(request) {
  if (warming || WARM_UP.runs <= 0) return;
  warming = true;
  const run = () => {
    const started = performance.now();
    handleJson(request);
    WARM_UP.ms -= performance.now() - started;
    WARM_UP.runs -= 1;
    if (WARM_UP.runs > 0 && WARM_UP.ms > 0) setTimeout(run, 0);
    else postMessage({ type: "warm" });
  };
  setTimeout(run, 0);
}

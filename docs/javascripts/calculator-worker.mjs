// Runs the Python calculator in Pyodide, off the page's main thread. It passes messages and nothing else:
// every answer is computed and rendered by calculator.web.handle_json.
//
// Two ways to start Python, chosen by the "boot" parameter of this script's URL:
// - from the memory snapshot made at build time (Python already started, calculator imported): fast;
// - a normal boot, installing the calculator wheel by name from the lockfile (sha256 checked).
// "snapshot" always restores; "cached" restores only when the snapshot is already in this browser's cache
// (and otherwise boots normally and fetches the snapshot for next time); "normal" never restores.
// Any failure of a restore falls back to a normal boot, so the page always gets a calculator.
const pyodideBase = new URL("../pyodide/", import.meta.url);
// "snapshot" is the default: scripts/bench measured it fastest on every network tried (README, Performance).
const strategy = new URL(import.meta.url).searchParams.get("boot") || "snapshot";
const SNAPSHOT_CACHE = "ssi-field-guide-snapshots";
let handleJson = null;
const timings = {}; // milliseconds since the worker started, per step: reported with "ready" for benchmarks
const step = (name) => { timings[name] = Math.round(performance.now()); };

const progress = (text) => postMessage({ type: "progress", text });
const fetchFresh = (name) => fetch(new URL(name, pyodideBase), { cache: "no-cache" }).then((response) => {
  if (!response.ok) throw new Error(`${name} answered HTTP ${response.status}`);
  return response;
});

async function bootNormally() {
  progress("Loading the calculator… (downloading Python, about 6 MB on a first visit)");
  const [{ loadPyodide }, lock] = await Promise.all([
    import(new URL("pyodide.mjs", pyodideBase).href),
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

// The snapshot's bytes (as { bytes: Promise }), unpacked; null when only a cached copy would do and there is
// none. The cache keeps the unpacked bytes, so a revisit skips decompression as well as the download.
async function snapshotBytes(meta, onlyIfCached) {
  const url = new URL(meta.file, pyodideBase).href;
  const key = `${url}?unpacked`;
  const cache = self.caches ? await caches.open(SNAPSHOT_CACHE).catch(() => null) : null;
  const cached = cache ? await cache.match(key) : undefined;
  if (cached) return { bytes: cached.arrayBuffer().then((b) => new Uint8Array(b)) };
  if (onlyIfCached) return null;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the snapshot answered HTTP ${response.status}`);
  const bytes = unpack(response);
  if (cache) bytes.then((b) => keepOnly(cache, key, b)).catch(() => {});
  return { bytes };
}

// Decompressed here, whatever the server did about compression; a damaged file fails its gzip check.
async function unpack(response) {
  const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  step("snapshot-unpacked");
  return bytes;
}

// Store one build's snapshot and drop any other build's.
async function keepOnly(cache, key, bytes) {
  await cache.put(key, new Response(bytes));
  for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
}

async function bootFromSnapshot(meta, bytes) {
  const { loadPyodide, version } = await import(new URL("pyodide.mjs", pyodideBase).href);
  step("runtime-imported");
  if (meta.pyodide !== version) throw new Error(`the snapshot is for Pyodide ${meta.pyodide}, not ${version}`);
  // The snapshot may still be unpacking: Pyodide fetches and compiles its WebAssembly meanwhile.
  const pyodide = await loadPyodide({ indexURL: pyodideBase.href, _loadSnapshot: bytes, stdout: () => {} });
  step("restored");
  // Every restored session starts from the same random state; give this one its own.
  pyodide.runPython("import random; random.seed()");
  return pyodide.pyimport("calculator.web").handle_json;
}

// After a normal boot, fetch the snapshot for the next visit (strategy "cached").
async function keepSnapshotForNextTime(meta) {
  const found = await snapshotBytes(meta, false);
  if (found) await found.bytes;
}

async function boot() {
  if (strategy === "normal") return { handle: await bootNormally(), via: "normal" };
  let meta = null;
  try {
    meta = await fetchFresh("snapshot.json").then((r) => r.json());
    step("snapshot-described");
    progress("Loading the calculator…");
    const found = await snapshotBytes(meta, strategy === "cached");
    if (found) return { handle: await bootFromSnapshot(meta, found.bytes), via: "snapshot" };
    const handle = await bootNormally();
    keepSnapshotForNextTime(meta).catch(() => {});
    return { handle, via: "normal" };
  } catch (error) {
    const reason = String((error && error.message) || error);
    if (meta && self.caches) caches.delete(SNAPSHOT_CACHE).catch(() => {}); // never reuse a bad copy
    return { handle: await bootNormally(), via: "normal", fallback: reason };
  }
}

const ready = boot().then(
  ({ handle, via, fallback }) => {
    handleJson = handle;
    step("ready");
    postMessage({ type: "ready", via, fallback, timings });
  },
  (error) => postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

addEventListener("message", async ({ data }) => {
  if (data.type !== "run") return;
  await ready;
  if (!handleJson) return;
  const started = performance.now();
  const answer = JSON.parse(handleJson(JSON.stringify(data.request)));
  postMessage({ type: "result", id: data.id, ...answer, python_ms: performance.now() - started });
});

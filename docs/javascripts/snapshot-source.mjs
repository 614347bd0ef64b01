// Where the memory snapshot comes from, for boot.mjs: the copy this browser kept on an earlier visit
// (snapshot-keep.mjs), or the network through snapshot-helper.mjs, a worker of its own; and keeping a
// downloaded copy for the next visit.
import { SlowLink } from "./snapshot-helper.mjs";
import { readKept } from "./snapshot-keep.mjs";

const pyodideBase = new URL("../pyodide/", import.meta.url);
// Never waits long on the file system (a copy another page is still writing is locked): past KEPT_PATIENCE_MS
// the snapshot is downloaded instead.
const KEPT_PATIENCE_MS = 5000;
const delay = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// The snapshot: { from: "kept", pages } (the kept copy's pages, see spread() in snapshot-format.mjs),
// { from: "network", memory } (the unpacked memory), or { from: null } with keptOnly and no copy. The kept copy
// was started reading before Pyodide occupied this thread (readEarly, called by boot.mjs); scripts/bench
// measured reading it in a helper worker slower.
export async function obtainSnapshot(meta, keptOnly, onStep) {
  const kept = await Promise.race([readKept(meta).catch(() => null), delay(KEPT_PATIENCE_MS).then(() => null)]);
  if (kept) {
    onStep("snapshot-kept");
    return { from: "kept", pages: kept };
  }
  return keptOnly ? { from: null } : download(meta, false, onStep);
}

// Downloads and unpacks the snapshot in the helper worker (or here where a worker cannot start another),
// started at once: `meta` may still be on its way. With `judging`, a download found too slow for the link is
// stopped and this rejects with SlowLink.
export async function download(meta, judging, onStep) {
  const described = Promise.resolve(meta);
  const urlOf = (m) => new URL(m.file, pyodideBase).href;
  const { memory } = await viaHelper(described.then((m) => ({ meta: m, url: urlOf(m), judging })), [],
    async (helper) => { const m = await described; return { memory: await helper.download(m, urlOf(m), judging) }; });
  onStep("snapshot-downloaded");
  return { from: "network", memory };
}

// Keep the memory for the next visit (the buffer moves to the helper).
export function keepSnapshot(meta, memory) {
  return viaHelper({ keep: true, meta, memory }, [memory.buffer], (helper) => helper.keep(meta, memory));
}

class Unsupported extends Error {}

// The helper worker's answer to `message`; where no worker can start here, `inThisWorker` does the same work
// with the helper's module imported.
async function viaHelper(message, transfer, inThisWorker) {
  try {
    return await askHelper(message, transfer);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return inThisWorker(await import("./snapshot-helper.mjs"));
  }
}

// The helper starts at once; `message` may be a promise.
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

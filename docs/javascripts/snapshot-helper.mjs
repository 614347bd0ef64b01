// Downloads and unpacks the snapshot (snapshot-format.mjs) for calculator-worker.mjs, and keeps a copy for the
// next visit (snapshot-keep.mjs). Run as a worker of its own (named "ssi-snapshot"), so that this happens
// beside Pyodide's start instead of in its way: the thread starting Pyodide is the busiest one, and a
// handed-over stream queued behind its work arrived late (scripts/bench). Imported directly where a worker
// cannot start another.
import { unpack } from "./snapshot-format.mjs";
import { keep } from "./snapshot-keep.mjs";

export async function download(meta, url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the snapshot answered HTTP ${response.status}`);
  return unpack(response.body, meta);
}

export { keep };

if (globalThis.WorkerGlobalScope && self.name === "ssi-snapshot") {
  addEventListener("message", async ({ data }) => {
    try {
      if (data.keep) {
        await keep(data.meta, data.memory);
        postMessage({ kept: true });
      } else {
        const memory = await download(data.meta, data.url);
        postMessage({ memory }, [memory.buffer]);
      }
    } catch (error) {
      postMessage({ error: String((error && error.message) || error) });
    }
  });
}

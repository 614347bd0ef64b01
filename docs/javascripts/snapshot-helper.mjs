// Brings the snapshot's memory to calculator-worker.mjs: from the copy this browser kept (snapshot-keep.mjs),
// else downloaded and unpacked (snapshot-format.mjs); and keeps a copy for the next visit. Run as a worker of
// its own (named "ssi-snapshot"), so that all this happens beside Pyodide's start instead of in its way: the
// thread starting Pyodide is the busiest one, and a handed-over stream or a file read queued behind its work
// arrived late (scripts/bench). Imported directly where a worker cannot start another.
import { unpack } from "./snapshot-format.mjs";
import { keep, readKept } from "./snapshot-keep.mjs";

// { from: "kept" | "network", memory } or, with keptOnly and no kept copy, { from: null }.
export async function obtain(meta, url, keptOnly) {
  const memory = new Uint8Array(meta.raw_bytes);
  if (await readKept(meta, memory).catch(() => false)) return { from: "kept", memory };
  if (keptOnly) return { from: null };
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the snapshot answered HTTP ${response.status}`);
  return { from: "network", memory: await unpack(response.body, meta) };
}

export { keep };

if (globalThis.WorkerGlobalScope && self.name === "ssi-snapshot") {
  addEventListener("message", async ({ data }) => {
    try {
      if (data.keep) {
        await keep(data.meta, data.memory);
        postMessage({ kept: true });
      } else {
        const found = await obtain(data.meta, data.url, data.keptOnly);
        postMessage(found, found.memory ? [found.memory.buffer] : []);
      }
    } catch (error) {
      postMessage({ error: String((error && error.message) || error) });
    }
  });
}

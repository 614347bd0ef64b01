// Downloads and unpacks the snapshot (snapshot-format.mjs) for calculator-worker.mjs, and keeps a copy for the
// next visit (snapshot-keep.mjs). Run as a worker of its own (named "ssi-snapshot"), so that this happens
// beside Pyodide's start instead of in its way: the thread starting Pyodide is the busiest one, and a
// handed-over stream queued behind its work arrived late (scripts/bench). Imported directly where a worker
// cannot start another.
//
// While downloading it can also judge the link: the snapshot is worth its 6.8 MB only when they arrive faster
// than Python would start without it (scripts/bench: on a 10 Mbit/s link a first visit took 11.1 s with the
// snapshot and 8.4 s without; on 50 Mbit/s, 2.6 s against 4.9 s).
import { unpack } from "./snapshot-format.mjs";
import { keep } from "./snapshot-keep.mjs";

// The link is judged on the snapshot's first MEASURE_BYTES, or on what arrived within MEASURE_MS of the
// response. Fast enough: FAST_BYTES_PER_S for this one download, which shares the link with Pyodide's own three
// files (so about a 15–20 Mbit/s link, near where the snapshot stops paying for itself). The margin matters
// more on a fast link than the exact line: a loaded machine must not mistake loopback for a slow link.
const MEASURE_BYTES = 256 * 1024;
const MEASURE_MS = 700;
const FAST_BYTES_PER_S = 0.6e6;

export class SlowLink extends Error {}

// With `judging`, a download found too slow is stopped, and the returned promise rejects with SlowLink.
export async function download(meta, url, judging = false) {
  const stop = new AbortController();
  const response = await fetch(url, { signal: stop.signal });
  if (!response.ok) throw new Error(`the snapshot answered HTTP ${response.status}`);
  let body = response.body;
  let slow = false;
  if (judging) {
    const started = performance.now();
    let received = 0;
    let judged = false;
    const decide = (fast) => {
      if (judged) return;
      judged = true;
      clearTimeout(timer);
      if (!fast) {
        slow = true;
        stop.abort();
      }
    };
    const rate = () => received / Math.max(1e-3, (performance.now() - started) / 1000);
    const timer = setTimeout(() => decide(rate() >= FAST_BYTES_PER_S), MEASURE_MS);
    body = body.pipeThrough(new TransformStream({
      transform(chunk, out) {
        received += chunk.byteLength;
        if (received >= MEASURE_BYTES) decide(rate() >= FAST_BYTES_PER_S);
        out.enqueue(chunk);
      },
      flush() { decide(true); },
    }));
  }
  try {
    return await unpack(body, meta);
  } catch (error) {
    throw slow ? new SlowLink(`the link is slow (${Math.round(meta.gz_bytes / 1e6)} MB would take too long)`) : error;
  }
}

export { keep };

if (globalThis.WorkerGlobalScope && self.name === "ssi-snapshot") {
  addEventListener("message", async ({ data }) => {
    try {
      if (data.keep) {
        await keep(data.meta, data.memory);
        postMessage({ done: true });
      } else {
        const memory = await download(data.meta, data.url, data.judging);
        postMessage({ done: true, memory }, [memory.buffer]);
      }
    } catch (error) {
      postMessage({ done: true, error: String((error && error.message) || error), slow: error instanceof SlowLink });
    }
  });
}

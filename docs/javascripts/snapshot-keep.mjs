// A copy of the unpacked snapshot kept in this browser's origin-private file system, so that a revisit reads
// it straight into memory: no download and no decompressing, which scripts/bench measured as the slowest part
// of a revisit. Only the non-zero pages are kept (snapshot-format.mjs), and one build's copy at a time.
// Synchronous file access exists only in workers: calculator-worker.mjs reads, snapshot-helper.mjs writes.
//
// One file, memory.bin: the pages, then a trailer naming the build, written last. A copy cut short (the tab
// closed while writing) has no trailer and is never read; a copy of another build is never restored.
import { places } from "./snapshot-format.mjs";

const FOLDER = "ssi-field-guide-snapshot";
const FILE = "memory.bin";
const MARK = "SSI-KEPT:";
const TRAILER_BYTES = 64;

const idOf = (meta) => meta.file.split("/").slice(-2, -1)[0]; // snapshot/<content hash>/calculator.snapshot.gz
const keptBytes = (meta) => places(meta).reduce((sum, [, length]) => sum + length, 0);

const root = () => (self.navigator && navigator.storage && navigator.storage.getDirectory
  ? navigator.storage.getDirectory().catch(() => null) : Promise.resolve(null));

function trailer(id) {
  const bytes = new Uint8Array(TRAILER_BYTES);
  new TextEncoder().encodeInto(MARK + id, bytes);
  return bytes;
}

// The build a copy belongs to, from its trailer; null for no (complete) copy.
function keptId(handle, size) {
  if (size < TRAILER_BYTES) return null;
  const bytes = new Uint8Array(TRAILER_BYTES);
  if (handle.read(bytes, { at: size - TRAILER_BYTES }) !== TRAILER_BYTES) return null;
  const text = new TextDecoder().decode(bytes).replace(/\0+$/, "");
  return text.startsWith(MARK) ? text.slice(MARK.length) : null;
}

async function readPages() {
  const top = await root();
  const dir = top && (await top.getDirectoryHandle(FOLDER).catch(() => null));
  const file = dir && (await dir.getFileHandle(FILE).catch(() => null));
  if (!file) return null;
  const handle = await file.createSyncAccessHandle();
  try {
    const size = handle.getSize();
    const id = keptId(handle, size);
    if (!id) return null;
    const pages = new Uint8Array(size - TRAILER_BYTES);
    return handle.read(pages, { at: 0 }) === pages.length ? { id, pages } : null;
  } finally {
    handle.close();
  }
}

let reading = null;

// Starts reading whatever copy is kept, before it is known which build this page needs: opening a file takes
// a few steps that each wait for this thread to be free, and once Pyodide's start-up occupies it, they waited
// about a third of a second (scripts/bench). Called first thing by calculator-worker.mjs.
export function readEarly() {
  reading = reading || readPages().catch(() => null);
  return reading;
}

// This build's kept pages (the snapshot file's bytes, unpacked, in file order: see spread() in
// snapshot-format.mjs); null when no complete copy of this build is kept or the file system is unavailable.
// Once only: the pages read early are let go.
export async function readKept(meta) {
  const kept = await readEarly();
  reading = Promise.resolve(null);
  return kept && kept.id === idOf(meta) && kept.pages.length === keptBytes(meta) ? kept.pages : null;
}

// Keep this build's memory for the next visit, in place of any other build's copy.
export async function keep(meta, memory) {
  const top = await root();
  const dir = top && (await top.getDirectoryHandle(FOLDER, { create: true }).catch(() => null));
  if (!dir) return;
  for await (const name of dir.keys()) if (name !== FILE) await dir.removeEntry(name, { recursive: true });
  const id = idOf(meta);
  const handle = await (await dir.getFileHandle(FILE, { create: true })).createSyncAccessHandle();
  try {
    const size = keptBytes(meta);
    if (handle.getSize() === size + TRAILER_BYTES && keptId(handle, size + TRAILER_BYTES) === id) return;
    handle.truncate(0);
    let offset = 0;
    for (const [at, length] of places(meta)) {
      handle.write(memory.subarray(at, at + length), { at: offset });
      offset += length;
    }
    handle.flush(); // the pages are on disk before the trailer says they are complete
    handle.write(trailer(id), { at: offset });
    handle.flush();
  } finally {
    handle.close();
  }
}

// Forget every kept copy (after one failed to restore).
export async function forget() {
  const top = await root();
  if (top) await top.removeEntry(FOLDER, { recursive: true }).catch(() => {});
}

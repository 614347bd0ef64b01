// A copy of the unpacked snapshot kept in this browser's origin-private file system, so that a revisit reads
// it straight into memory: no download and no decompressing, which scripts/bench measured as the slowest part
// of a revisit. Only the non-zero pages are kept (snapshot-format.mjs), and one build's copy at a time.
// Synchronous file access exists only in workers: calculator-worker.mjs reads, snapshot-helper.mjs writes.
// A copy counts only once its ".done" marker exists, written after the data, so a copy cut short (the tab
// closed while writing) is never read.
import { places } from "./snapshot-format.mjs";

const FOLDER = "ssi-field-guide-snapshot";

const idOf = (meta) => meta.file.split("/").slice(-2, -1)[0]; // snapshot/<content hash>/calculator.snapshot.gz
const keptBytes = (meta) => places(meta).reduce((sum, [, length]) => sum + length, 0);

// Asked for at once: the first call takes tens of milliseconds, and every boot starts by looking here.
const root = self.navigator && navigator.storage && navigator.storage.getDirectory
  ? navigator.storage.getDirectory().catch(() => null) : Promise.resolve(null);

async function folder(create) {
  const top = await root;
  return top && top.getDirectoryHandle(FOLDER, { create }).catch(() => null);
}

// This build's memory, read from its kept copy; null when no complete copy is kept or the file system is
// unavailable (the 30 MB buffer is made only once a copy is found).
export async function readKept(meta) {
  const dir = await folder(false);
  if (!dir) return null;
  const id = idOf(meta);
  if (!(await dir.getFileHandle(`${id}.done`).catch(() => null))) return null;
  const handle = await (await dir.getFileHandle(`${id}.bin`)).createSyncAccessHandle();
  try {
    if (handle.getSize() !== keptBytes(meta)) return null;
    const memory = new Uint8Array(meta.raw_bytes);
    let offset = 0;
    for (const [at, length] of places(meta)) {
      if (handle.read(memory.subarray(at, at + length), { at: offset }) !== length) return null;
      offset += length;
    }
    return memory;
  } finally {
    handle.close();
  }
}

// Keep this build's memory for the next visit, dropping any other build's copy.
export async function keep(meta, memory) {
  const dir = await folder(true);
  if (!dir) return;
  const id = idOf(meta);
  for await (const name of dir.keys()) if (!name.startsWith(`${id}.`)) await dir.removeEntry(name);
  if (await dir.getFileHandle(`${id}.done`).catch(() => null)) return;
  const handle = await (await dir.getFileHandle(`${id}.bin`, { create: true })).createSyncAccessHandle();
  try {
    handle.truncate(0);
    let offset = 0;
    for (const [at, length] of places(meta)) {
      handle.write(memory.subarray(at, at + length), { at: offset });
      offset += length;
    }
    handle.flush();
  } finally {
    handle.close();
  }
  await dir.getFileHandle(`${id}.done`, { create: true });
}

// Forget every kept copy (after one failed to restore).
export async function forget() {
  const top = await root;
  if (top) await top.removeEntry(FOLDER, { recursive: true }).catch(() => {});
}

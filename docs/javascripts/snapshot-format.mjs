// The calculator's memory snapshot: where its bytes go, and unpacking them.
//
// The file holds only the pages of Python's memory that are not all zeros (site_build/make_snapshot.mjs), one
// after another; meta.runs says where each run of pages goes. Zero pages cost nothing here (a new buffer is
// zeroed) and about half the memory is zeros, so this also halves the decompressing.

// Where each stretch of the file's (unpacked) bytes belongs in memory: [offset, length] pairs, in file order.
export function places(meta) {
  return meta.runs.map(([page, pages]) => [page * meta.page_bytes,
    Math.min(pages * meta.page_bytes, meta.raw_bytes - page * meta.page_bytes)]);
}

// Puts the file's bytes (`pages`, in file order) in their places in `memory` (a zeroed buffer of raw_bytes).
export function spread(pages, meta, memory) {
  let offset = 0;
  for (const [at, length] of places(meta)) {
    memory.set(pages.subarray(offset, offset + length), at);
    offset += length;
  }
}

// Copies an unpacked memory into another zeroed buffer: only the places that hold something.
export function copyPlaces(from, meta, memory) {
  for (const [at, length] of places(meta)) memory.set(from.subarray(at, at + length), at);
}

// Decompressed here, whatever the server did about compression: a damaged file fails its gzip check, a short
// or long one the length check.
export async function unpack(body, meta) {
  const memory = new Uint8Array(meta.raw_bytes);
  const todo = places(meta);
  let [at, left] = todo.shift() || [0, 0];
  const reader = body.pipeThrough(new DecompressionStream("gzip")).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    let chunk = read.value;
    while (chunk.length) {
      if (!left) throw new Error("the snapshot is longer than its description");
      const part = chunk.subarray(0, left);
      memory.set(part, at);
      at += part.length;
      left -= part.length;
      chunk = chunk.subarray(part.length);
      if (!left && todo.length) [at, left] = todo.shift();
    }
  }
  if (left || todo.length) throw new Error("the snapshot is shorter than its description");
  return memory;
}

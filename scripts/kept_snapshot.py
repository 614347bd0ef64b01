"""The calculator's kept snapshot, as a page sees it: JavaScript for Playwright to evaluate.

The worker keeps the snapshot in the origin-private file system (docs/javascripts/snapshot-keep.mjs): one file,
complete once its trailer is written. The browser tests and the fast-start benchmark both wait for that.
"""

KEPT_COMPLETE_JS = """async () => {
  try {
    const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('ssi-field-guide-snapshot');
    const file = await (await folder.getFileHandle('memory.bin')).getFile();
    return (await file.slice(file.size - 64).text()).startsWith('SSI-KEPT:');
  } catch {}
  return false;
}"""

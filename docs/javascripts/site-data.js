// "Remove this site's data" (issue 13), on the Calculators page: removes everything the site keeps in this
// browser, and only that. A GitHub project site shares its origin with its owner's other project sites, so
// nothing origin-wide is cleared: only local storage keys with our prefix (and the theme's, scoped to our root),
// caches with our prefix, our folder in the origin-private file system, and service workers scoped to our root.
// Browser APIs only; the page text (the data-* attributes of [data-site-data]) says what is kept and what
// happened. Loaded on every page, it acts only when the control is used (Material's instant navigation may show
// the page without reloading, so it listens on the document).
(() => {
  "use strict";
  if (!document.currentScript) return;
  const root = new URL("../", document.currentScript.src); // the site's root, under any sub-path
  const KEY_PREFIXES = ["ssi-field-guide:", `${root.pathname}.`]; // ours; the theme's (Material's __md_scope)
  const CACHE_PREFIX = "ssi-field-guide-offline-"; // site_build/service_worker.py
  const FOLDER = "ssi-field-guide-snapshot"; // snapshot-keep.mjs
  const READINGS = "ssi-field-guide:readings"; // calculator/track/form.py

  const reasonOf = (error) => String((error && (error.name ? `${error.name}: ${error.message}` : error.message)) || error);
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, name) => values[name] || "");

  // Each remover resolves to { removed: [...], failed: [...] }, texts the page's message lists.
  function removeKeys(control) {
    const removed = [];
    const failed = [];
    for (const [name, area] of [["local", "localStorage"], ["session", "sessionStorage"]]) {
      try {
        const storage = window[area];
        const ours = [];
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (KEY_PREFIXES.some((prefix) => key.startsWith(prefix))) ours.push(key);
        }
        for (const key of ours) storage.removeItem(key);
        if (ours.length) removed.push(fill(control.dataset[`${name}Removed`], { keys: ours.join(", ") }));
      } catch (error) {
        failed.push(fill(control.dataset[`${name}Failed`], { reason: reasonOf(error) }));
      }
    }
    return { removed, failed };
  }

  // The service worker first, so it cannot fill a cache again; a worker still controlling an open page goes
  // once that page closes, and no page starts one again (the registration is gone).
  async function removeWorkers(control) {
    if (!("serviceWorker" in navigator)) return { removed: [], failed: [] };
    try {
      const ours = (await navigator.serviceWorker.getRegistrations()).filter((r) => r.scope.startsWith(root.href));
      const results = await Promise.all(ours.map((r) => r.unregister()));
      return results.includes(false) ? { removed: [], failed: [control.dataset.workerFailed] }
        : { removed: ours.length ? [control.dataset.workerRemoved] : [], failed: [] };
    } catch (error) {
      return { removed: [], failed: [fill(control.dataset.workerFailed, { reason: reasonOf(error) })] };
    }
  }

  async function removeCaches(control) {
    if (!window.caches) return { removed: [], failed: [] }; // no Cache Storage here: nothing can be in it
    try {
      const ours = (await caches.keys()).filter((name) => name.startsWith(CACHE_PREFIX));
      for (const name of ours) await caches.delete(name);
      return { removed: ours.length ? [control.dataset.cacheRemoved] : [], failed: [] };
    } catch (error) {
      return { removed: [], failed: [fill(control.dataset.cacheFailed, { reason: reasonOf(error) })] };
    }
  }

  async function removeSnapshot(control) {
    if (!(navigator.storage && navigator.storage.getDirectory)) return { removed: [], failed: [] };
    try {
      const top = await navigator.storage.getDirectory();
      try {
        await top.getDirectoryHandle(FOLDER);
      } catch (error) {
        if (error.name === "NotFoundError") return { removed: [], failed: [] };
        throw error;
      }
      await top.removeEntry(FOLDER, { recursive: true });
      return { removed: [control.dataset.snapshotRemoved], failed: [] };
    } catch (error) {
      return { removed: [], failed: [fill(control.dataset.snapshotFailed, { reason: reasonOf(error) })] };
    }
  }

  async function removeAll(control) {
    const parts = [removeKeys(control), await removeWorkers(control), await removeCaches(control),
      await removeSnapshot(control)];
    const removed = parts.flatMap((p) => p.removed);
    const failed = parts.flatMap((p) => p.failed);
    const values = { removed: removed.join("; "), failed: failed.join("; ") };
    if (failed.length) return fill(control.dataset[removed.length ? "partial" : "failed"], values);
    return fill(control.dataset[removed.length ? "done" : "nothing"], values);
  }

  // The saved readings exactly as this browser keeps them: the Track page's Import reads that text as it is.
  function exportReadings(control) {
    let text = null;
    try { text = localStorage.getItem(READINGS); } catch { /* blocked: the note says there is nothing */ }
    const note = control.querySelector("[data-site-data-export-note]");
    if (text === null) {
      note.textContent = control.dataset.exportNone;
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const link = Object.assign(document.createElement("a"), { href: url, download: control.dataset.exportName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    note.textContent = control.dataset.exportDone;
  }

  document.addEventListener("click", async (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-site-data-action]");
    const control = button && button.closest("[data-site-data]");
    if (!control) return;
    const dialog = control.querySelector("dialog");
    const result = control.querySelector("[data-site-data-result]");
    const action = button.dataset.siteDataAction;
    if (action === "open") {
      control.querySelector("[data-site-data-export-note]").textContent = "";
      result.textContent = "";
      dialog.showModal(); // focus goes to the dialog's autofocus button; Escape closes it
    } else if (action === "export") {
      exportReadings(control);
    } else if (action === "cancel") {
      dialog.close();
    } else if (action === "confirm") {
      for (const b of dialog.querySelectorAll("button")) b.disabled = true;
      result.textContent = control.dataset.working;
      dialog.close();
      result.focus();
      try {
        result.textContent = await removeAll(control);
      } finally {
        for (const b of dialog.querySelectorAll("button")) b.disabled = false;
      }
    }
  });
})();

// Offline use: once the calculator has worked on this visit, register the site's service worker (sw.js,
// generated at build time by site_build/service_worker.py), which keeps a checked copy of this build of the site, so
// the guide and the calculator work later without a network. Only then: readers of the guide alone never
// download the Python runtime. Plumbing only; what is cached, and when, is decided in sw.js.
(() => {
  "use strict";
  if (!("serviceWorker" in navigator) || !document.currentScript) return; // not a secure context, or too old
  // Relative to this script, so the site works under any sub-path (/<repo>/ on GitHub Pages).
  const script = document.currentScript.src;
  // A connection that asks to save data gets no 23 MB copy it did not ask for (issue 18); once the visitor
  // turns Save-Data off, the next visit keeps it. A copy kept earlier stays and is updated by the browser.
  const savingData = () => Boolean(navigator.connection && navigator.connection.saveData);
  const register = () => savingData() ? null : navigator.serviceWorker
    .register(new URL("../sw.js", script), { scope: new URL("../", script).href })
    .catch((error) => console.info("offline copy unavailable:", error.message)); // e.g. storage blocked
  // Keeping the copy means downloading and checking ~23 MB: wait until the visitor has paused for a moment
  // (no typing for 3 s) and the page is idle, so it does not compete with what they type (scripts/bench
  // measured that it did).
  const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 1));
  let timer = null;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      document.removeEventListener("input", later);
      idle(register, { timeout: 10000 });
    }, 3000);
  };
  document.addEventListener("ssi:calculator-ready", () => {
    document.addEventListener("input", later);
    later();
  }, { once: true });
})();

// Tells the search worker (search-worker-late.js) when to build the search index: at once when the visitor
// reaches for search; otherwise once this page has settled, so the index is not built while the page lays
// itself out or, on a calculator page, while Python starts and warms up. It also keeps shared searches in the
// address's fragment (below).
(() => {
  "use strict";
  // Search words stay in the browser too. Material shares a search as "?q=words", and a query reaches the host
  // whoever opens the link; here a shared search is "#q=words" instead, typed into the search once the theme
  // is ready (a fragment is never sent).
  const shared = /^#q=/.test(location.hash) && new URLSearchParams(location.hash.slice(1)).get("q");
  if (shared) {
    addEventListener("load", () => {
      const toggle = document.getElementById("__search");
      const input = document.querySelector("[data-md-component=search-query]");
      if (!toggle || !input) return;
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      input.value = shared;
      input.focus();
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    }, { once: true });
  }
  // The theme rewrites its share link's text as the search changes: each time, the words move into the fragment.
  const toFragment = (share) => {
    for (const name of ["data-clipboard-text", "href"]) {
      const text = share.getAttribute(name);
      if (!text || text.startsWith("javascript:")) continue;
      const url = new URL(text, location.href);
      const words = url.searchParams.get("q");
      if (words === null) continue;
      url.searchParams.delete("q");
      url.hash = String(new URLSearchParams({ q: words }));
      share.setAttribute(name, url.href);
    }
  };
  for (const share of document.querySelectorAll("[data-md-component=search-share]")) {
    new MutationObserver(() => toFragment(share)).observe(share, { attributeFilter: ["data-clipboard-text", "href"] });
  }
  // Capturing, before the theme's clipboard handler reads the text (should it have changed this very moment).
  document.addEventListener("click", ({ target }) => {
    const share = target instanceof Element && target.closest("[data-md-component=search-share]");
    if (share) toFragment(share);
  }, true);
  if (typeof BroadcastChannel !== "function") return; // then the worker does not wait for us
  // The worker may start listening only after this page has decided (a message sent before is lost), so it
  // asks when it does, and the answer is repeated. Other tabs of the site hear it too: at worst one of them
  // builds its index a little early.
  const channel = new BroadcastChannel("ssi-search");
  let decided = false;
  const start = () => {
    decided = true;
    channel.postMessage("start");
  };
  channel.addEventListener("message", ({ data }) => { if (data === "when?" && decided) start(); });
  // Material's search field, by click, tap or its keyboard shortcuts.
  document.addEventListener("focusin", ({ target }) => {
    if (target instanceof Element && target.matches("[data-md-component=search-query]")) start();
  });
  document.addEventListener("change", ({ target }) => {
    if (target instanceof Element && target.id === "__search") start();
  });
  // A connection that asks to save data gets the guide's text (~90 KB) only once the visitor reaches for search
  // (issue 18), as it gets no offline copy or memory snapshot it did not ask for.
  if (navigator.connection && navigator.connection.saveData) return;
  // The calculator says when it is settled (answering, warmed up, or failed); other pages, once idle (a
  // calculator that starts only when typed in, the home page's, may never start).
  if (document.querySelector("[data-calculator]:not([data-start=on-input])")) {
    document.addEventListener("ssi:calculator-settled", start, { once: true });
  } else {
    const idle = window.requestIdleCallback || ((callback) => setTimeout(callback, 200));
    const whenIdle = () => idle(start, { timeout: 3000 });
    if (document.readyState === "complete") whenIdle(); else addEventListener("load", whenIdle, { once: true });
  }
})();

// Tells the search worker (search-worker-late.js) when to build the search index: at once when the visitor
// reaches for search; otherwise once this page has settled, so the index is not built while the page lays
// itself out or, on a calculator page, while Python starts and warms up.
(() => {
  "use strict";
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

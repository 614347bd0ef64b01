// The page side of the calculators. It starts one Web Worker that runs the Python calculator (Pyodide),
// sends it the raw form values and puts the answer in the page. It computes nothing itself: validation,
// results and their HTML (with every piece of user text escaped) all come from Python.
// Loaded on every page, but the worker, and so Pyodide, starts only when a page holds a calculator.
(() => {
  "use strict";
  const scriptURL = document.currentScript ? document.currentScript.src : location.href;
  const widgets = new Set();
  const waiting = new Map();
  let worker = null;
  let state = "idle"; // idle | loading | ready | failed
  let statusText = "";
  let nextId = 1;

  const STATUS = {
    loading: "Loading the calculator… The result below is for the example values until it is ready.",
    ready: "Calculator ready: the result updates as you type.",
  };

  function setStatus(text) {
    statusText = text;
    for (const w of live()) w.status.textContent = text;
  }

  function live() {
    for (const w of widgets) if (!w.element.isConnected) widgets.delete(w);
    return widgets;
  }

  function fail(reason) {
    if (state === "failed") return;
    state = "failed";
    setStatus(`The calculator could not load (${reason}). The result below is for the example values;`
      + " reload the page to try again.");
    for (const [id, settle] of waiting) { waiting.delete(id); settle(null); }
  }

  function startWorker() {
    if (worker || state === "failed") return;
    state = "loading";
    setStatus(STATUS.loading);
    performance.mark("ssi:worker-start");
    try {
      worker = new Worker(new URL("calculator-worker.mjs", scriptURL), { type: "module" });
    } catch (error) {
      fail(error.message || String(error));
      return;
    }
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail(event.message || "its script could not start");
    });
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "progress" && state === "loading") setStatus(data.text);
      else if (data.type === "failed") fail(data.message);
      else if (data.type === "ready") {
        state = "ready";
        performance.mark("ssi:ready");
        setStatus(STATUS.ready);
        for (const w of live()) w.send();
      } else if (data.type === "result") {
        const settle = waiting.get(data.id);
        waiting.delete(data.id);
        if (settle) settle(data);
      }
    });
  }

  function mount(element) {
    const form = element.querySelector("form");
    const w = {
      element,
      status: element.querySelector("[data-calculator-status]"),
      result: element.querySelector("[data-calculator-result]"),
      busy: false,
      again: false,
    };
    // Only the newest values matter: while Python works, later edits collapse into one more request.
    w.send = () => {
      if (state !== "ready") return;
      if (w.busy) { w.again = true; return; }
      w.busy = true;
      const id = nextId++;
      const values = {};
      for (const input of form.elements) if (input.name) values[input.name] = input.value;
      waiting.set(id, (answer) => {
        w.busy = false;
        if (answer && element.isConnected) show(w, form, answer);
        if (w.again) { w.again = false; w.send(); }
      });
      worker.postMessage({ type: "run", id, mode: element.dataset.calculator, root: element.dataset.root, values });
    };
    form.addEventListener("input", w.send);
    form.addEventListener("submit", (event) => { event.preventDefault(); w.send(); });
    if (statusText) w.status.textContent = statusText;
    widgets.add(w);
    if (state === "ready") w.send();
  }

  function show(w, form, answer) {
    w.result.innerHTML = answer.html; // rendered by Python, every piece of user text escaped there
    for (const slot of form.querySelectorAll("[data-error-for]")) {
      const message = answer.errors[slot.dataset.errorFor] || "";
      const input = form.elements.namedItem(slot.dataset.errorFor);
      slot.textContent = message;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    if (answer.debug) console.warn("calculator:", answer.debug);
    if (!performance.getEntriesByName("ssi:first-result").length) performance.mark("ssi:first-result");
    w.element.dispatchEvent(new CustomEvent("ssi:result", { detail: { ok: answer.ok } }));
  }

  function mountAll() {
    const found = document.querySelectorAll("[data-calculator]:not([data-mounted])");
    for (const element of found) {
      element.dataset.mounted = "";
      mount(element);
    }
    if (found.length) startWorker();
  }

  // Material's instant navigation swaps pages without reloading; document$ emits on every page shown.
  if (window.document$) window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();

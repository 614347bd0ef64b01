// The page side of the calculators. It starts one Web Worker that runs the Python calculator (Pyodide),
// sends it what the person typed, clicked or chose, and puts Python's answer in the page. It computes
// nothing: validation, results and their HTML (every piece of user text escaped) all come from Python.
// Besides moving messages it only does what Python cannot do from a worker: read a chosen file, keep a
// mode's text in local storage, offer a download, and keep shareable values in the page address.
// Loaded on every page; the worker, and so Pyodide, starts only on a page that holds a calculator.
(() => {
  "use strict";
  const scriptURL = document.currentScript ? document.currentScript.src : location.href;
  const MAX_FILE_BYTES = 16 * 1024 * 1024; // larger files are not read (Python refuses far smaller ones, and says why)
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

  function live() {
    for (const w of widgets) if (!w.element.isConnected) widgets.delete(w);
    return widgets;
  }

  function setStatus(text) {
    statusText = text;
    for (const w of live()) w.status.textContent = text;
  }

  function fail(reason) {
    if (state === "failed") return;
    state = "failed";
    document.dispatchEvent(new CustomEvent("ssi:calculator-settled")); // search-start.js waits for this
    setStatus(`The calculator could not load (${reason}). The result below is for the example values;`
      + " reload the page to try again.");
    for (const [id, settle] of waiting) { waiting.delete(id); settle(null); }
  }

  function startWorker() {
    if (worker || state === "failed") return;
    state = "loading";
    setStatus(STATUS.loading);
    const early = window.ssiEarlyWorker; // started from the page head on a direct load (see overrides/main.html)
    window.ssiEarlyWorker = null;
    if (early) {
      worker = early.worker;
    } else {
      performance.mark("ssi:worker-start");
      try {
        worker = new Worker(new URL(`calculator-worker.mjs${bootParameter()}`, scriptURL), { type: "module" });
      } catch (error) {
        fail(error.message || String(error));
        return;
      }
    }
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail(event.message || "its script could not start");
    });
    worker.addEventListener("message", ({ data }) => receive(data));
    if (early) {
      early.detach();
      for (const data of early.early) receive(data);
    }
  }

  // ?ssi-boot=auto|snapshot|cached|normal on a page chooses how Python starts (tests and benchmarks use it).
  function bootParameter() {
    const boot = new URLSearchParams(location.search).get("ssi-boot");
    return ["auto", "snapshot", "cached", "normal"].includes(boot) ? `?boot=${boot}` : "";
  }

  function receive(data) {
    if (data.type === "progress" && state === "loading") setStatus(data.text);
    else if (data.type === "failed") fail(data.message);
    else if (data.type === "warm") {
      performance.mark("ssi:warm"); // benchmarks start typing after this
      document.dispatchEvent(new CustomEvent("ssi:calculator-settled")); // search-start.js waits for this
    } else if (data.type === "ready") {
      state = "ready";
      performance.mark("ssi:ready", { detail: { via: data.via, from: data.from || "", fallback: data.fallback || "", slow: data.slow, timings: data.timings } });
      if (data.fallback) console.info("calculator: started without its snapshot:", data.fallback);
      setStatus(STATUS.ready);
      for (const w of live()) w.send({});
      document.dispatchEvent(new CustomEvent("ssi:calculator-ready")); // offline.js waits for this
    } else if (data.type === "result") {
      const settle = waiting.get(data.id);
      waiting.delete(data.id);
      if (settle) settle(data);
    }
  }

  function readStorage(key) {
    try { return localStorage.getItem(key); } catch { return null; }
  }

  // Stores a mode's text. With `merge`, Python made it from `base` (the text its request read): if another
  // tab stored something else since, nothing is written and the answer is "changed" (the page asks Python
  // again, which merges). Otherwise "" when stored, or why the browser refused (storage full or blocked).
  function writeStorage(key, text, base, merge) {
    try {
      if (merge && localStorage.getItem(key) !== base) return "changed";
      localStorage.setItem(key, text);
      return "";
    } catch (error) {
      return `${error.name}: ${error.message}`;
    }
  }

  // A chosen file's bytes, as base64 (requests are JSON text): Python finds their encoding.
  function readBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result.slice(reader.result.indexOf(",") + 1));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  }

  function mount(element) {
    const form = element.querySelector("form");
    const storageKey = element.dataset.storageKey || "";
    const w = {
      element,
      status: element.querySelector("[data-calculator-status]"),
      result: element.querySelector("[data-calculator-result]"),
      busy: false,
      again: false,
      actions: [],
      storageKey,
      pending: undefined, // Python's, sent back with every request until an answer replaces it
      storeProblem: "", // why the browser refused the last text to store; "" when it stored it
    };
    if ("urlState" in element.dataset) {
      const query = new URLSearchParams(location.search);
      for (const input of form.elements) {
        if (!input.name || !query.has(input.name) || input.type === "hidden") continue;
        if (input.type === "checkbox") input.checked = query.get(input.name) === input.value;
        else input.value = query.get(input.name);
      }
    }
    // Edits collapse: while Python works, later edits become one request with the newest values.
    // Actions (buttons, files) are never dropped: they queue in order.
    w.send = (extra) => {
      if (state !== "ready") return;
      if (w.busy) {
        if (extra.action) w.actions.push(extra); else w.again = true;
        return;
      }
      w.busy = true;
      const id = nextId++;
      const values = {};
      for (const input of form.elements) {
        if (!input.name || input.type === "file" || (input.type === "checkbox" && !input.checked)) continue;
        values[input.name] = input.value; // an unticked box leaves its hidden "" in place
      }
      const request = { mode: element.dataset.calculator, root: element.dataset.root || "", values, ...extra };
      if (storageKey) {
        Object.assign(request, { stored: readStorage(storageKey), pending: w.pending, store_problem: w.storeProblem });
      }
      waiting.set(id, (answer) => {
        w.busy = false;
        const again = answer && element.isConnected ? show(w, form, answer, storageKey, request.stored) : null;
        if (again) { w.again = false; w.send(again); } // the new request reads the newest values itself
        else if (w.actions.length) w.send(w.actions.shift());
        else if (w.again) { w.again = false; w.send({}); }
      });
      worker.postMessage({ type: "run", id, request });
    };
    form.addEventListener("input", (event) => { if (event.target.type !== "file") w.send({}); });
    form.addEventListener("submit", (event) => { event.preventDefault(); w.send({}); });
    element.addEventListener("change", async (event) => {
      const input = event.target;
      if (input.type !== "file" || !input.files.length) return;
      const file = input.files[0];
      const data = file.size <= MAX_FILE_BYTES ? await readBase64(file).catch(() => null) : null;
      input.value = "";
      w.send({ action: input.name, file_name: file.name, file_size: file.size, file_base64: data });
    });
    element.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action]");
      if (!button || !element.contains(button)) return;
      event.preventDefault();
      w.send({ action: button.dataset.action });
    });
    if (statusText) w.status.textContent = statusText;
    widgets.add(w);
    if (state === "ready") w.send({});
  }

  // Shows an answer, after storing its text. Python wrote the answer for the outcome of the last write
  // (request.store_problem); when this write turns out otherwise, or another tab stored a text meanwhile, the
  // answer is not shown and this returns the request to make instead (Python then says what is true).
  function show(w, form, answer, storageKey, base) {
    if (storageKey) w.pending = answer.pending;
    if (storageKey && typeof answer.store === "string") {
      const problem = writeStorage(storageKey, answer.store, base, answer.merge);
      const assumed = w.storeProblem;
      if (problem !== "changed") w.storeProblem = problem;
      if (problem === "changed" || Boolean(problem) !== Boolean(assumed)) {
        if (answer.download) offer(answer.download);
        return {};
      }
    }
    w.result.innerHTML = answer.html; // rendered by Python, every piece of user text escaped there
    for (const slot of form.querySelectorAll("[data-error-for]")) {
      const message = answer.errors[slot.dataset.errorFor] || "";
      const input = form.elements.namedItem(slot.dataset.errorFor);
      slot.textContent = message;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    if (answer.download) offer(answer.download);
    if (answer.ok && "urlState" in w.element.dataset) {
      // Changing the address costs the page ~20 ms, more than the calculation: do it once typing pauses.
      clearTimeout(w.addressTimer);
      const query = "?" + new URLSearchParams(answer.values);
      w.addressTimer = setTimeout(() => {
        if (w.element.isConnected) history.replaceState(history.state, "", query + location.hash);
      }, 300);
    }
    if (answer.debug) console.warn("calculator:", answer.debug);
    if (!performance.getEntriesByName("ssi:first-result").length) performance.mark("ssi:first-result");
    const detail = { ok: answer.ok, python_ms: answer.python_ms };
    w.element.dispatchEvent(new CustomEvent("ssi:result", { bubbles: true, detail }));
  }

  function offer({ name, type, text }) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = Object.assign(document.createElement("a"), { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // Another tab changed what a calculator keeps: show it here too (Python merges this tab's pending saves in).
  window.addEventListener("storage", (event) => {
    for (const w of live()) if (w.storageKey && (event.key === null || event.key === w.storageKey)) w.send({});
  });

  function mountAll() {
    const found = document.querySelectorAll("[data-calculator]:not([data-mounted])");
    for (const element of found) {
      element.dataset.mounted = "";
      mount(element);
    }
    if (found.length) startWorker();
  }

  // Start Python as early as possible: this script runs at the end of the body, before Material is ready.
  if (document.querySelector("[data-calculator]")) startWorker();
  // Material's instant navigation swaps pages without reloading; document$ emits on every page shown.
  if (window.document$) window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();

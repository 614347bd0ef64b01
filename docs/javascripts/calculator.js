// The page side of the calculators. It starts one Web Worker that runs the Python calculator (Pyodide),
// sends it what the person typed, clicked or chose, and puts Python's answer in the page. It computes
// nothing: validation, results and their HTML (every piece of user text escaped) all come from Python, and so
// do the status lines (the build writes them into each calculator's data-status-* attributes).
// Besides moving messages it only does what Python cannot do from a worker: read a chosen file, keep a
// mode's text in local storage, offer a download, and keep shareable values in the address's fragment.
// Loaded on every page; the worker, and so Pyodide, starts only on a page that holds a calculator, and for a
// calculator marked data-start="on-input" (the home page's) only once the visitor types in it.
//
// Nothing is lost and nothing freezes: an action (a button, a file) taken before Python is ready is queued and
// carried out once it is; every request gets an answer or times out; a worker that stops answering is
// replaced once and the latest values sent again, and if that fails too the status line says so.
(() => {
  "use strict";
  const scriptURL = document.currentScript ? document.currentScript.src : location.href;
  const BUILD_ID = ""; // this script's build, written in by site_build/build_id.py (as is each calculator's data-build)
  const ANSWER_WITHIN_MS = 30000; // unless the calculator's data-answer-within-ms says otherwise
  const SLOW_MS = 3000; // past this (or half the limit), the status line says the answer is slow in coming
  const RESTARTS_IN_A_ROW = 1; // a new worker that cannot answer either is not replaced again
  const RESTART_WITHIN_MS = 60000; // a new worker not answering by then counts as failed too
  const widgets = new Set();
  const waiting = new Map(); // request id -> { w, action, resend, timers, settle }
  let worker = null;
  let state = "idle"; // idle | loading | ready | restarting | failed
  let page = { kind: "loading", reason: "" }; // what every status line says, unless its calculator has a notice
  let restarts = 0; // new workers since the last answer to something the visitor did
  let nextId = 1;

  const reasonOf = (error) => String((error && error.message) || error);
  const ON_LOAD = "[data-calculator]:not([data-start=on-input])";

  function live() {
    for (const w of widgets) if (!w.element.isConnected) widgets.delete(w);
    return widgets;
  }

  // The status texts are the calculator's data-status-<kind> attributes; "{reason}" is filled in.
  function render(w) {
    const { kind, reason = "" } = w.notice || page;
    const text = w.element.dataset[`status${kind[0].toUpperCase()}${kind.slice(1)}`] || reason || kind;
    w.status.textContent = text.replaceAll("{reason}", reason);
  }

  // A new page status; `keepNotices` for news that changes nothing a notice says (start-up progress).
  function setStatus(kind, reason = "", keepNotices = false) {
    page = { kind, reason };
    for (const w of live()) {
      if (!keepNotices) w.notice = null;
      render(w);
    }
  }

  // A status line of one calculator's own, until the next page status or answer.
  function notify(w, kind, reason = "") {
    w.notice = { kind, reason };
    render(w);
  }

  const settled = () => document.dispatchEvent(new CustomEvent("ssi:calculator-settled")); // search-start.js

  // No calculator this time: it could not start ("failed"), or stopped answering and so did its replacement
  // ("dead"). What is queued is refused, with a message.
  function fail(kind, reason) {
    if (state === "failed") return;
    state = "failed";
    stopWorker();
    settled();
    setStatus(kind, reason);
    for (const w of live()) {
      if (w.actions.length) notify(w, "refused", reason);
      w.actions = [];
      w.again = false;
    }
  }

  // The worker crashed, hung, or its Python failed for good: replace it, once in a row.
  function stalled(reason) {
    if (state !== "ready") return;
    for (const { w, action } of waiting.values()) if (action) w.lost = true;
    restarts += 1;
    if (restarts > RESTARTS_IN_A_ROW) {
      fail("dead", reason);
      return;
    }
    console.warn("calculator: starting a new worker:", reason);
    state = "restarting";
    stopWorker();
    setStatus("restarting");
    setTimeout(() => { if (state === "restarting") fail("dead", reason); }, RESTART_WITHIN_MS);
    try {
      listen(newWorker());
    } catch (error) {
      fail("dead", reasonOf(error));
    }
  }

  function stopWorker() {
    if (worker) worker.terminate();
    worker = null;
    for (const [id, pending] of waiting) {
      waiting.delete(id);
      pending.settle(null);
    }
  }

  // ?ssi-boot=… on a page chooses how Python starts (tests and benchmarks use it; boot.mjs checks the name).
  function newWorker() {
    const boot = new URLSearchParams(location.search).get("ssi-boot");
    const url = new URL("calculator-worker.mjs", scriptURL); // the build adds ?v=<its id>
    if (boot) url.searchParams.set("boot", boot);
    performance.mark("ssi:worker-start");
    return new Worker(url, { type: "module" });
  }

  function listen(started) {
    worker = started;
    started.addEventListener("error", (event) => {
      event.preventDefault();
      if (started !== worker) return;
      const reason = event.message || "its script could not start";
      if (state === "ready") stalled(reason); else fail(state === "restarting" ? "dead" : "failed", reason);
    });
    started.addEventListener("message", ({ data }) => { if (started === worker) receive(data); });
  }

  function startWorker() {
    if (worker || state !== "idle") return;
    state = "loading";
    setStatus("loading");
    try {
      listen(newWorker());
    } catch (error) {
      fail("failed", reasonOf(error));
    }
  }

  // Python starts once the page itself has started (issue 18): the worker's download and compiling took both
  // cores of a small machine while the theme laid the page out, and the page's own tasks grew up to four times
  // longer (Lighthouse's total blocking time on a calculator page: ~1 s). The build's pre-rendered result is on
  // the page meanwhile. Whoever reaches for a calculator before then starts it at once.
  let starting = false;
  function startSoon() {
    if (starting || worker || state !== "idle") return;
    starting = true;
    const uses = ["focusin", "pointerdown", "keydown"];
    const go = () => {
      for (const type of uses) document.removeEventListener(type, onUse, true);
      removeEventListener("load", idle);
      starting = false;
      if (document.querySelector(ON_LOAD)) startWorker(); // not if instant navigation has left the page meanwhile
    };
    const onUse = (event) => { if (event.target instanceof Element && event.target.closest("[data-calculator]")) go(); };
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(go, { timeout: 1000 }) : setTimeout(go, 0));
    for (const type of uses) document.addEventListener(type, onUse, true);
    if (document.readyState === "complete") idle();
    else addEventListener("load", idle);
  }

  function receive(data) {
    if (!data) return;
    if (data.type === "progress" && state === "loading") {
      setStatus(data.stage === "python" ? "python" : "snapshot", "", true);
    } else if (data.type === "failed") fail(state === "restarting" ? "dead" : "failed", data.message);
    else if (data.type === "warm") {
      performance.mark("ssi:warm"); // benchmarks start typing after this
      settled();
    } else if (data.type === "ready") {
      const first = state === "loading";
      state = "ready";
      if (first) {
        performance.mark("ssi:ready", { detail: { via: data.via, from: data.from || "", fallback: data.fallback || "", slow: data.slow, timings: data.timings } });
        if (data.fallback) console.info("calculator: started without its snapshot:", data.fallback);
      }
      setStatus("ready");
      for (const w of live()) {
        if (!w.actions.length) w.again = true; // the result for the values in the page, not the example's
        w.resend = !first;
        w.pump();
      }
      if (first) document.dispatchEvent(new CustomEvent("ssi:calculator-ready")); // offline.js waits for this
    } else if (data.type === "result") {
      const pending = waiting.get(data.id);
      waiting.delete(data.id);
      if (pending) pending.settle(data);
    }
  }

  // Shared values live in the fragment (#name=value&…), which the browser never sends to a server. A fragment
  // without "=" is a heading's id (those never hold one) and is not state.
  function fragmentState() {
    const hash = location.hash.slice(1);
    return new URLSearchParams(hash.includes("=") ? hash : "");
  }

  function addressWith(query, state) {
    const search = String(query), hash = String(state);
    return location.pathname + (search ? `?${search}` : "") + (hash ? `#${hash}` : "");
  }

  // Before fragments, links carried the values in the query (?target=70&…): move those into the fragment,
  // leaving the query's other parameters (?ssi-boot=…) where they are.
  function moveQueryToFragment(w) {
    const query = new URLSearchParams(location.search);
    const state = fragmentState();
    let moved = false;
    for (const input of w.form.elements) {
      if (!input.name || !query.has(input.name)) continue;
      if (!state.has(input.name)) state.set(input.name, query.get(input.name));
      query.delete(input.name);
      moved = true;
    }
    if (moved) history.replaceState(history.state, "", addressWith(query, state));
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
      form,
      storageKey,
      status: element.querySelector("[data-calculator-status]"),
      result: element.querySelector("[data-calculator-result]"),
      busy: false, // a request is with the worker
      again: false, // the values changed since the last request
      actions: [], // buttons pressed and files chosen, in order, each with the values of that moment
      notice: null,
      resend: false, // the next request sends the latest values to a new worker
      lost: false, // a new worker took over before the last action was answered
      pending: undefined, // Python's, sent back with every request until an answer replaces it
      storeProblem: "", // why the browser refused the last text to store; "" when it stored it
      followUp: false, // the last write turned out otherwise than Python assumed: ask again, first
      edited: false, // the visitor changed a value here: only then does the address take the values
    };
    if ("urlState" in element.dataset) {
      moveQueryToFragment(w);
      const state = fragmentState();
      for (const input of form.elements) {
        if (!input.name || !state.has(input.name) || input.type === "hidden") continue;
        if (input.type === "checkbox") input.checked = state.get(input.name) === input.value;
        else input.value = state.get(input.name);
      }
    }
    if (element.dataset.start === "on-input") {
      // Python starts with the visitor's first step into the form (a tap, Tab or a keystroke), not before.
      for (const type of ["focusin", "input"]) form.addEventListener(type, startWorker, { once: true });
    }
    const values = () => {
      const found = {};
      for (const input of form.elements) {
        if (!input.name || input.type === "file" || (input.type === "checkbox" && !input.checked)) continue;
        found[input.name] = input.value; // an unticked box leaves its hidden "" in place
      }
      return found;
    };
    // Edits collapse: while Python works (or starts), later edits become one request with the newest values.
    // Actions are never dropped: they queue in order, and are refused with a message only if Python never comes.
    w.request = (extra) => {
      if (extra.action) {
        if (state === "failed") {
          notify(w, "refused", page.reason);
          return;
        }
        w.actions.push({ extra, values: values() });
        w.again = false; // the values just kept hold every edit so far
        if (state !== "ready") notify(w, "queued");
      } else {
        w.again = true;
      }
      w.pump();
    };
    w.pump = () => {
      if (state !== "ready" || w.busy) return;
      // A follow-up goes first: Python must say what is true of the last write before anything queued runs.
      const next = w.followUp ? { extra: {}, values: values() }
        : w.actions.shift() || (w.again ? { extra: {}, values: values() } : null);
      if (!next) return;
      w.followUp = false;
      if (!next.extra.action) w.again = false; // the request reads the newest values itself
      post(w, next.extra, next.values);
    };
    form.addEventListener("input", (event) => {
      if (event.target.type === "file") return;
      w.edited = true;
      w.request({});
    });
    form.addEventListener("submit", (event) => { event.preventDefault(); w.request({}); });
    element.addEventListener("change", async (event) => {
      const input = event.target;
      if (input.type !== "file" || !input.files.length) return;
      const limit = Number(input.dataset.maxBytes) || 0; // Python's limit: a larger file is not read, Python says why
      // team view: a field with `multiple` sends every chosen file in one request, as files: [{name, size, text}]
      if (input.multiple) {
        const files = await Promise.all([...input.files].map(async (f) =>
          ({ name: f.name, size: f.size, text: f.size <= limit ? await f.text() : null })));
        input.value = "";
        w.request({ action: input.name, files });
        return;
      }
      const file = input.files[0];
      const data = file.size <= limit ? await readBase64(file).catch(() => null) : null;
      input.value = "";
      w.request({ action: input.name, file_name: file.name, file_size: file.size, file_base64: data });
    });
    element.addEventListener("click", (event) => {
      const button = event.target.closest("[data-action]");
      if (!button || !element.contains(button)) return;
      event.preventDefault();
      w.request({ action: button.dataset.action });
    });
    w.digest = w.result.dataset.digest || ""; // names the build's result, if it is Python's answer as is (see show)
    if (state !== "idle") render(w); // until Python is asked for, the line written at build time stands
    widgets.add(w);
    w.request({});
  }

  // One request to the worker; it settles with the worker's reply, or with null when the worker is replaced.
  function post(w, extra, values) {
    w.busy = true;
    const id = nextId++;
    const request = { mode: w.element.dataset.calculator, root: w.element.dataset.root || "", values, ...extra };
    if (w.storageKey) {
      Object.assign(request, { stored: readStorage(w.storageKey), pending: w.pending, store_problem: w.storeProblem });
    }
    const within = Number(w.element.dataset.answerWithinMs) || ANSWER_WITHIN_MS;
    const pending = {
      w,
      action: Boolean(extra.action),
      resend: w.resend,
      timers: [
        setTimeout(() => { if (!w.notice) notify(w, "working"); }, Math.min(SLOW_MS, within / 2)),
        setTimeout(() => stalled(`no answer in ${Math.round(within / 1000)} s`), within),
      ],
    };
    w.resend = false;
    pending.settle = (reply) => {
      for (const timer of pending.timers) clearTimeout(timer);
      w.busy = false;
      if (w.notice && w.notice.kind === "working") {
        w.notice = null;
        render(w);
      }
      if (reply && reply.fatal) {
        if (pending.action) w.lost = true;
        stalled(reply.error);
        return;
      }
      if (reply && w.element.isConnected) {
        if (reply.answer) {
          if (!pending.resend) restarts = 0; // a new worker proves itself on more than the values it was sent
          // show() asks again when its write turned out otherwise than Python assumed (Python then says what is true)
          if (show(w, reply.answer, reply.python_ms, pending.resend, request.stored)) w.followUp = true;
        } else {
          refused(w, reply.error);
        }
      }
      w.pump();
    };
    waiting.set(id, pending);
    try {
      worker.postMessage({ type: "run", id, request });
    } catch (error) { // e.g. a value the browser cannot copy to the worker
      waiting.delete(id);
      pending.settle({ type: "result", id, error: reasonOf(error) });
    }
  }

  // A request the worker could not answer: the page keeps its last result, and says so next to it.
  function refused(w, reason) {
    notify(w, "error", reason);
    console.warn("calculator:", reason);
    w.element.dispatchEvent(new CustomEvent("ssi:result", { bubbles: true, detail: { ok: false, error: reason } }));
  }

  // Shows an answer, after storing its text. Python wrote the answer for the outcome of the last write
  // (request.store_problem); when this write turns out otherwise, or another tab stored a text meanwhile, the
  // answer is not shown and this returns true: the page asks again.
  function show(w, answer, pythonMs, resend, base) {
    if (w.storageKey) w.pending = answer.pending;
    if (w.storageKey && typeof answer.store === "string") {
      const problem = writeStorage(w.storageKey, answer.store, base, answer.merge);
      const assumed = w.storeProblem;
      if (problem !== "changed") w.storeProblem = problem;
      if (problem === "changed" || Boolean(problem) !== Boolean(assumed)) {
        if (answer.download) offer(answer.download);
        return true;
      }
    }
    if (w.notice && w.notice.kind !== "unsaved") {
      w.notice = null; // whatever it said is over
      render(w);
    }
    // Rendered by Python, every piece of user text escaped there. An answer the page already shows (the
    // build's pre-rendered result, once Python starts) leaves the page untouched: replacing it costs a phone
    // a restyle and relayout of the page, and the theme's reaction to it, for nothing (issue 18). Python
    // names each answer (answer.digest), as it named the build's.
    // The build's buttons say "still loading" until then (site_build/widgets.py): only those notes go.
    if (!answer.digest || answer.digest !== w.digest) {
      w.digest = answer.digest || "";
      const fresh = document.createElement("template");
      fresh.innerHTML = answer.html;
      w.result.replaceChildren(fresh.content);
    } else {
      for (const note of w.result.querySelectorAll(".ssi-pending-note")) note.remove();
    }
    for (const slot of w.form.querySelectorAll("[data-error-for]")) {
      const message = answer.errors[slot.dataset.errorFor] || "";
      const input = w.form.elements.namedItem(slot.dataset.errorFor);
      slot.textContent = message;
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    }
    if (resend) {
      notify(w, w.lost ? "lost" : "restarted");
      w.lost = false;
    }
    if (answer.download) offer(answer.download);
    // Not before the visitor changes something: the page's own values are no news, and a heading's fragment stays.
    if (answer.ok && w.edited && "urlState" in w.element.dataset) {
      // Changing the address costs the page ~20 ms, more than the calculation: do it once typing pauses.
      clearTimeout(w.addressTimer);
      const path = location.pathname;
      w.writeAddress = () => {
        clearTimeout(w.addressTimer);
        w.writeAddress = null;
        // A page left by instant navigation must not write into the next page's address.
        if (!w.element.isConnected || location.pathname !== path) return;
        // One shareable calculator per page (each has its own page): its values are the whole fragment.
        const state = new URLSearchParams(answer.values);
        history.replaceState(history.state, "", addressWith(new URLSearchParams(location.search), state));
      };
      w.addressTimer = setTimeout(w.writeAddress, 300);
    }
    if (answer.debug) console.warn("calculator:", answer.debug);
    if (!performance.getEntriesByName("ssi:first-result").length) performance.mark("ssi:first-result");
    const detail = { ok: answer.ok, python_ms: pythonMs };
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

  // A link followed before typing paused: the values go into this page's address first, so Back finds them.
  // (Capturing, this runs before Material's instant navigation moves to the next address.)
  document.addEventListener("click", (event) => {
    if (!(event.target instanceof Element) || !event.target.closest("a[href]")) return;
    for (const w of live()) if (w.writeAddress) w.writeAddress();
  }, true);

  // Another tab changed what a calculator keeps: show it here too (Python merges this tab's pending saves in).
  window.addEventListener("storage", (event) => {
    for (const w of live()) if (w.storageKey && (event.key === null || event.key === w.storageKey)) w.request({});
  });

  // A calculator of another build than this script (instant navigation keeps the first page's script; a cache
  // may keep an old copy) is never run by it: the page is loaded whole, once; if it is still of another build,
  // its status line says so (sessionStorage remembers the try, so this never loops).
  function ofThisBuild(element) {
    const wanted = element.dataset.build || "";
    if (!wanted || wanted === BUILD_ID) return true;
    const key = `ssi-field-guide:build-reload:${location.pathname}`;
    try {
      if (sessionStorage.getItem(key) !== wanted) {
        sessionStorage.setItem(key, wanted);
        location.reload();
        return false;
      }
    } catch {} // no session storage: no reload, since nothing could stop a loop
    element.querySelector("[data-calculator-status]").textContent = element.dataset.statusOtherBuild;
    settled(); // search-start.js need not wait for a calculator that will not start
    return false;
  }

  function mountAll() {
    const found = document.querySelectorAll("[data-calculator]:not([data-mounted])");
    const mounted = [];
    for (const element of found) {
      element.dataset.mounted = "";
      if (!ofThisBuild(element)) continue;
      mount(element);
      mounted.push(element);
    }
    if (mounted.some((element) => element.matches(ON_LOAD))) startSoon();
  }

  // Material's instant navigation swaps pages without reloading; document$ emits on every page shown.
  if (window.document$) window.document$.subscribe(mountAll);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();

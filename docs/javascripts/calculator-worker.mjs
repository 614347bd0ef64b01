// The calculator's worker: the pipe between the page (calculator.js) and Python. Every answer is computed and
// rendered by calculator.web.handle_json; this file only passes JSON text, and answers every request:
//   in:  { type: "run", id, request }
//   out: { type: "result", id, answer, python_ms }  or  { type: "result", id, error, fatal }
//   (fatal: this worker's Python cannot answer again; the page starts another worker)
// plus { type: "progress", stage }, { type: "ready", via, from, fallback, slow, timings } or
// { type: "failed", message } while starting, and { type: "warm" } once warmed up.
// How Python starts (the snapshot, a normal boot, the fallbacks) is boot.mjs's business.
import { boot } from "./boot.mjs";

// ?boot=auto|snapshot|cached|normal (the page passes its ?ssi-boot=; benchmarks compare them). "auto" is the
// default: scripts/bench measured it best on every link.
const strategy = new URL(import.meta.url).searchParams.get("boot") || "auto";
// This file's build, written in by site_build/build_id.py; the page asks for its own build in ?v=. A cache or
// a deployment in between could answer with another build's file: then this worker does not start.
const BUILD_ID = "";
const asked = new URL(import.meta.url).searchParams.get("v") || "";
const reason = (error) => String((error && error.message) || error);
let handleJson = null;
let failure = "";

const ofAnotherBuild = asked && BUILD_ID && asked !== BUILD_ID;
const starting = ofAnotherBuild
  ? Promise.reject(new Error("a new version of the site was published while this page was open"))
  : boot(strategy, (stage) => postMessage({ type: "progress", stage }));
const started = starting.then(
  ({ handle, afterwards, ...detail }) => {
    handleJson = handle;
    idleWork.push(...afterwards);
    postMessage({ type: "ready", ...detail, slow: Boolean(detail.slow) });
    whenQuiet();
  },
  (error) => {
    failure = reason(error);
    postMessage({ type: "failed", message: failure });
  },
);

addEventListener("message", async ({ data }) => {
  if (!data || data.type !== "run") return;
  await started;
  if (idleWork.length) whenQuiet();
  const { reply, text } = answer(data);
  try {
    postMessage(reply);
  } catch (error) {
    postMessage({ type: "result", id: data.id, error: reason(error) });
  }
  if (text && !data.request.action) warmUp(text);
});

// The reply to one request, and the request's JSON text when Python answered it. Nothing here may throw: a
// page waiting for an answer must get one, even when Python has failed for good.
function answer({ id, request }) {
  if (!handleJson) return { reply: { type: "result", id, error: failure, fatal: true } };
  const began = performance.now();
  let text = null;
  try {
    text = JSON.stringify(request);
    const parsed = JSON.parse(handleJson(text));
    return { reply: { type: "result", id, answer: parsed, python_ms: performance.now() - began }, text };
  } catch (error) {
    // A fatal Pyodide error (deep recursion can be one) leaves Python unusable: say so, so the page starts a
    // new worker, and answer every later request at once.
    return { reply: { type: "result", id, error: reason(error), fatal: stopsPython(error) } };
  }
}

// True for an error after which Python cannot answer again; this worker then answers every request at once.
function stopsPython(error) {
  if (!(error && error.pyodide_fatal_error)) return false;
  handleJson = null;
  failure = `Python stopped: ${reason(error)}`;
  return true;
}

// Work for once the calculator answers and the visitor has paused (no request for QUIET_MS): it must not
// compete with the answers they are waiting for (scripts/bench measured that it did).
const idleWork = [];
const QUIET_MS = 2000;
let quietTimer = null;
function whenQuiet() {
  clearTimeout(quietTimer);
  quietTimer = setTimeout(async () => {
    for (const work of idleWork.splice(0)) await work().catch(() => {});
  }, QUIET_MS);
}

// V8 runs Pyodide's WebAssembly first with a quick baseline compiler, and optimises the functions in use only
// after they have run a while: in the browser the first dozen answers took 10–28 ms, later ones 2–5 ms
// (scripts/bench). So while the page is idle after its first answer, that request is repeated a few times and
// the answers are thrown away: the visitor's first edits already get optimised code. Bounded in runs and in
// time, and each run is a task of its own, so a real request waits for one run at most.
const WARM_UP_RUNS = 60;
const WARM_UP_MS = 800;
let warmingStarted = false;
function warmUp(request) {
  if (warmingStarted) return;
  warmingStarted = true;
  let runs = WARM_UP_RUNS;
  let budget = WARM_UP_MS;
  const run = () => {
    const began = performance.now();
    try {
      handleJson(request);
    } catch (error) {
      stopsPython(error);
      runs = 0; // the next real request reports the problem
    }
    budget -= performance.now() - began;
    runs -= 1;
    if (runs > 0 && budget > 0 && handleJson) setTimeout(run, 0);
    else postMessage({ type: "warm" });
  };
  setTimeout(run, 0);
}

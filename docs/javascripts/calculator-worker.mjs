// Runs the Python calculator in Pyodide, off the page's main thread. It passes messages and nothing else:
// every answer is computed and rendered by calculator.web.handle_json.
const pyodideBase = new URL("../pyodide/", import.meta.url);
let handleJson = null;

const progress = (text) => postMessage({ type: "progress", text });

async function boot() {
  progress("Loading the calculator… (downloading Python, about 6 MB on a first visit)");
  const { loadPyodide } = await import(new URL("pyodide.mjs", pyodideBase).href);
  // Revalidate the lockfile on every visit: it names the current wheel and its sha256.
  const response = await fetch(new URL("pyodide-lock.json", pyodideBase), { cache: "no-cache" });
  if (!response.ok) throw new Error(`pyodide-lock.json answered HTTP ${response.status}`);
  const pyodide = await loadPyodide({
    indexURL: pyodideBase.href,
    lockFileContents: await response.json(),
    packageBaseUrl: pyodideBase.href,
  });
  progress("Loading the calculator… (starting the calculator code)");
  const problems = [];
  await pyodide.loadPackage("ssi-calculator", { messageCallback: () => {}, errorCallback: (m) => problems.push(m) });
  try {
    handleJson = pyodide.pyimport("calculator.web").handle_json;
  } catch (error) {
    // loadPackage can resolve without throwing when a download or its sha256 check failed.
    throw new Error(problems.join(" ") || "the calculator package did not install");
  }
}

const ready = boot().then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", message: String((error && error.message) || error) }),
);

addEventListener("message", async ({ data }) => {
  if (data.type !== "run") return;
  await ready;
  if (!handleJson) return;
  const answer = JSON.parse(handleJson(JSON.stringify(data.request)));
  postMessage({ type: "result", id: data.id, ...answer });
});

// Runs the Python calculator in Pyodide, off the page's main thread. It passes messages and nothing else:
// every answer is computed and rendered by calculator.web.handle_json.
const pyodideBase = new URL("../pyodide/", import.meta.url);
let handleJson = null;

const progress = (text) => postMessage({ type: "progress", text });

async function boot() {
  progress("Loading the calculator… (downloading Python, about 6 MB on a first visit)");
  // The runtime and the lockfile download side by side; the lockfile is revalidated on every visit
  // because it names the current wheel and its sha256.
  const [{ loadPyodide }, response] = await Promise.all([
    import(new URL("pyodide.mjs", pyodideBase).href),
    fetch(new URL("pyodide-lock.json", pyodideBase), { cache: "no-cache" }),
  ]);
  if (!response.ok) throw new Error(`pyodide-lock.json answered HTTP ${response.status}`);
  const problems = [];
  const pyodide = await loadPyodide({
    indexURL: pyodideBase.href,
    lockFileContents: await response.json(),
    packageBaseUrl: pyodideBase.href,
    // Fetched while Python starts, with the lockfile's sha256 checked.
    packages: ["ssi-calculator"],
    stdout: () => {},
    stderr: (line) => problems.push(line),
  });
  try {
    handleJson = pyodide.pyimport("calculator.web").handle_json;
  } catch (error) {
    // Loading a package can end without throwing when a download or its sha256 check failed.
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

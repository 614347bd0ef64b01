// The site's service worker: one build of the site, kept whole, for reading and calculating offline.
// Generated: site_build/service_worker.py copies this file to site/sw.js with the build filled in below.
// This template lives outside docs/ so it is never published as a second worker.
//
// - install: copy EVERY file of this build into one cache named after the build, checking each file's
//   sha256 against the list below (files unchanged since the build already kept are copied from its cache).
//   If any file differs (a deployment happened meanwhile), the install fails and the browser tries again on
//   a later visit: a cache never holds two builds.
// - activate: delete the caches of other builds.
// - fetch: a file of this build comes from its cache, whatever the network holds; anything else goes to the
//   network. A folder's address without its trailing slash is redirected to the slash address, as the host
//   does. A page offline that is not in the build gets the cached "not found" page.
// No skipWaiting() and no clients.claim(): an open page keeps the build it started with; a new build takes
// over once every page of the old one is closed.
"use strict";

const BUILD = { version: "", files: {} }; // replaced by site_build/service_worker.py: {version, files: {path: sha256}}

const PREFIX = "ssi-field-guide-offline-"; // only caches with this prefix are ours to delete
const CACHE = PREFIX + BUILD.version;
const ROOT = new URL("./", self.location); // the site root, wherever the site is mounted (/<repo>/ on Pages)
const LANES = 6; // files fetched at once while installing

const urlOf = (path) => new URL(path, ROOT).href;

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

// One file of this build, checked. "no-cache" revalidates with the server, so a file the page has just
// downloaded is not downloaded twice; if the answer still does not match (a stale intermediate cache),
// one fetch that bypasses every cache decides.
async function fetchChecked(path, digest) {
  for (const mode of ["no-cache", "reload"]) {
    const response = await fetch(urlOf(path), { cache: mode });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    if ((await sha256(body)) === digest) {
      return new Response(body, { status: 200, headers: response.headers });
    }
  }
  throw new Error(`${path} is not the file of build ${BUILD.version}: the site changed; retrying on a later visit`);
}

// The same file kept by another build (the runtime, most pages): copied, so a new deployment downloads only
// what changed. Checked like a download.
async function keptCopy(path, digest) {
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const kept = await caches.match(urlOf(path), { cacheName: name });
    const body = kept && (await kept.arrayBuffer());
    if (body && (await sha256(body)) === digest) return new Response(body, { status: 200, headers: kept.headers });
  }
  return null;
}

async function install() {
  const cache = await caches.open(CACHE);
  const pending = Object.entries(BUILD.files);
  const lane = async () => {
    for (let entry = pending.shift(); entry; entry = pending.shift()) {
      const [path, digest] = entry;
      // A file kept by an interrupted install of this same build was checked then: keep it.
      if (await cache.match(urlOf(path))) continue;
      await cache.put(urlOf(path), (await keptCopy(path, digest)) || (await fetchChecked(path, digest)));
    }
  };
  try {
    await Promise.all(Array.from({ length: LANES }, lane));
  } catch (error) {
    await caches.delete(CACHE); // this build can no longer be completed from the server
    throw error;
  }
}

async function activate() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

// The build's own path for a URL, or null: "guide/" is "guide/index.html"; queries are ignored, as a
// static host ignores them.
function buildPath(url) {
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname)) return null;
  let path = url.pathname.slice(ROOT.pathname.length);
  if (path === "" || path.endsWith("/")) path += "index.html";
  return Object.hasOwn(BUILD.files, path) ? path : null;
}

// A folder's address without its trailing slash ("…/calculator/track"), when the folder is a page of the build:
// the slash address, to redirect to as the host does (offline too), or null.
function folderAddress(url) {
  if (url.origin !== ROOT.origin || !url.pathname.startsWith(ROOT.pathname) || url.pathname.endsWith("/")) return null;
  const path = `${url.pathname.slice(ROOT.pathname.length)}/index.html`;
  if (!Object.hasOwn(BUILD.files, path)) return null;
  const slashed = new URL(url.href);
  slashed.pathname += "/";
  return slashed.href;
}

async function fromBuild(request, path) {
  const cached = await caches.match(urlOf(path), { cacheName: CACHE });
  return cached || fetch(request);
}

async function fromNetwork(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const page = request.mode === "navigate" && (await caches.match(urlOf("404.html"), { cacheName: CACHE }));
    if (!page) throw error;
    return new Response(page.body, { status: 404, headers: page.headers });
  }
}

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const path = buildPath(url);
  const folder = request.mode === "navigate" && !path && folderAddress(url);
  if (path) event.respondWith(fromBuild(request, path));
  else if (folder) event.respondWith(Response.redirect(folder, 301));
  else if (request.mode === "navigate" && url.origin === ROOT.origin) event.respondWith(fromNetwork(request));
});

// Tests ask a worker which build it holds: postMessage("version", [port]) answers on the port.
self.addEventListener("message", (event) => {
  if (event.data === "version" && event.ports[0]) event.ports[0].postMessage(BUILD.version);
});

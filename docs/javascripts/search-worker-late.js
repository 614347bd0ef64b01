// Material's search worker, started late. Material builds its search index in a worker of its own as soon as
// a page loads: about a quarter of a second of CPU on a two-core machine, at the very moment the page lays
// itself out and the calculator starts Python (scripts/bench measured the three competing). The site's
// hooks point Material at this script instead (site_build/hooks.py); it keeps Material's messages until the page
// says the moment has come (search-start.js: the visitor reaches for search, or the page has settled), then
// loads Material's own worker and hands them over in order. Nothing of the search itself changes.
"use strict";

// Material's worker, named by the hooks: only a file of Material's workers folder is ever loaded.
const MATERIAL = /^search\.[0-9a-f]+\.min\.js$/;
const named = new URL(self.location.href).searchParams.get("material") || "";
// Should the page never say (a script blocked, an old browser), the index is built after this long anyway.
const AT_THE_LATEST_MS = 10000;

const held = [];
let started = false;
let channel = null;

function start() {
  if (started) return;
  started = true;
  removeEventListener("message", hold);
  if (channel) channel.close();
  if (!MATERIAL.test(named)) throw new Error(`search-worker-late.js: not Material's search worker: ${named}`);
  importScripts(new URL(`../assets/javascripts/workers/${named}`, self.location.href).href);
  for (const data of held.splice(0)) dispatchEvent(new MessageEvent("message", { data }));
}

function hold(event) {
  if (!held.length) setTimeout(start, AT_THE_LATEST_MS);
  held.push(event.data);
}

addEventListener("message", hold);
if (typeof BroadcastChannel === "function") {
  channel = new BroadcastChannel("ssi-search");
  channel.addEventListener("message", ({ data }) => { if (data === "start") start(); });
  channel.postMessage("when?"); // the page may have decided before this worker was listening
} else {
  start();
}

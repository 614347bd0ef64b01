// Material's search worker, started late and fed here. Material fetches the search index on the page's own
// thread as the page loads (all of the guide's text: ~320 KB, ~90 KB over the wire), parses it there and copies
// it into its worker, which builds the index at once: the page's thread, the network and the CPU busy at the
// very moment the page lays itself out and the calculator starts Python (scripts/bench measured them competing).
// The build leaves Material a search_index.json without the pages (site_build/search_index.py) and puts them in
// search_index.full.json. The site's hooks point Material at this script instead of its worker
// (site_build/hooks.py); it keeps Material's messages until the page says the moment has come (search-start.js:
// the visitor reaches for search, or the page has settled), then fetches and parses the pages here, off the
// page's thread, loads Material's own worker and hands it the messages in order, its setup with the pages in.
// Nothing of the search itself changes.
"use strict";

// Material's worker, named by the hooks: only a file of Material's workers folder is ever loaded.
const MATERIAL = /^search\.[0-9a-f]+\.min\.js$/;
const asked = new URL(self.location.href).searchParams;
const named = asked.get("material") || "";
// The whole index, beside the one Material fetched (this script lives in javascripts/), of this script's build:
// the browser may keep a file for ten minutes (site_build/build_id.py).
const FULL_INDEX = new URL(`../search/search_index.full.json?v=${asked.get("v") || ""}`, self.location.href);
const SETUP = 0; // Material's SearchMessageType.SETUP
// Should the page never say (a script blocked, an old browser), the index is built after this long anyway.
const AT_THE_LATEST_MS = 10000;

const held = [];
let started = false;
let ready = false;
let docs = null;
let channel = null;

// Material's setup message with the pages in (its own index has none); any other message as it is.
function fed(data) {
  if (!data || data.type !== SETUP || !docs || (data.data.docs && data.data.docs.length)) return data;
  return { ...data, data: { ...data.data, docs } };
}

function handOver() {
  for (const data of held.splice(0)) dispatchEvent(new MessageEvent("message", { data: fed(data) }));
}

async function start() {
  if (started) return;
  started = true;
  if (channel) channel.close();
  if (!MATERIAL.test(named)) throw new Error(`search-worker-late.js: not Material's search worker: ${named}`);
  try {
    const response = await fetch(FULL_INDEX);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    docs = (await response.json()).docs;
  } catch (error) {
    // Offline without a kept copy, say: search then finds nothing, as Material's would without its index.
    console.info("search index unavailable:", error.message);
  }
  importScripts(new URL(`../assets/javascripts/workers/${named}`, self.location.href).href);
  ready = true;
  handOver();
}

// Every message from the page passes here first (this listener was added before Material's): held until the
// worker is ready, then handed over as a message of our own, which is the only kind Material's listener sees.
addEventListener("message", (event) => {
  if (!event.isTrusted) return;
  event.stopImmediatePropagation();
  if (!held.length && !started) setTimeout(start, AT_THE_LATEST_MS);
  held.push(event.data);
  if (ready) handOver();
});
if (typeof BroadcastChannel === "function") {
  channel = new BroadcastChannel("ssi-search");
  channel.addEventListener("message", ({ data }) => { if (data === "start") start(); });
  channel.postMessage("when?"); // the page may have decided before this worker was listening
} else {
  start();
}

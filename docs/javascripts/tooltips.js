// Tooltips for abbreviations and footnote previews, made only when someone points at or focuses one (issue 18).
// Material's content.tooltips and content.footnote.tooltips mount a tooltip with its own observers on every such
// element while the page starts, measuring each element's scroll containers: on a phone this was the largest
// part of a guide page's start-up work. Here nothing runs at start but three listeners on the document; the
// tooltip is Material's own markup and styles (.md-tooltip2), placed the way Material places it.
(() => {
  "use strict";
  const HOSTS = ".md-content abbr[title], .md-content abbr[data-ssi-title], .md-content a.footnote-ref";
  const LINGER_MS = 250; // as Material: the pointer can move from the host onto the tooltip
  let shown = null; // { host, node, timer }

  function contentOf(host) {
    if (host.matches("abbr")) {
      const text = host.getAttribute("title") ?? host.dataset.ssiTitle;
      host.dataset.ssiTitle = text; // no second, native tooltip while ours is shown
      host.removeAttribute("title");
      return { role: "tooltip", children: [document.createTextNode(text)] };
    }
    const note = document.getElementById(decodeURIComponent(new URL(host.href).hash.slice(1)));
    if (!note) return null;
    const label = `Footnote ${host.textContent.trim()}`;
    return { role: "dialog", label, children: Array.from(note.cloneNode(true).children) };
  }

  function place(host, node, role) {
    const box = host.getBoundingClientRect();
    node.style.setProperty("--md-tooltip-host-x", `${box.left + scrollX}px`);
    node.style.setProperty("--md-tooltip-host-y", `${box.top + scrollY}px`);
    node.style.setProperty("--md-tooltip-x", `${box.width / 2}px`);
    let y = 8 + box.height; // a plain tooltip always below, as operating systems do
    if (role === "dialog") y = box.top >= innerHeight / 2 ? -16 - node.offsetHeight : 16 + box.height;
    node.style.setProperty("--md-tooltip-y", `${y}px`);
    node.classList.toggle("md-tooltip2--top", y < 0);
    node.classList.toggle("md-tooltip2--bottom", y >= 0);
    if (role === "tooltip") {
      node.style.setProperty("--md-tooltip-width", `${node.firstElementChild.offsetWidth}px`); // centred under the host
      node.style.setProperty("--md-tooltip-tail", "0px");
    }
  }

  function show(host) {
    if (shown && shown.host === host) return clearTimeout(shown.timer);
    hide();
    const content = contentOf(host);
    if (!content) return;
    const node = document.createElement("div");
    node.className = "md-tooltip2";
    node.id = "ssi-tooltip";
    node.setAttribute("role", content.role);
    if (content.label) node.setAttribute("aria-label", content.label);
    const inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.append(...content.children);
    node.append(inner);
    document.body.append(node);
    place(host, node, content.role);
    if (content.role === "dialog") {
      host.setAttribute("aria-controls", node.id);
      host.setAttribute("aria-haspopup", "dialog");
    } else host.setAttribute("aria-describedby", node.id);
    shown = { host, node, timer: null };
    requestAnimationFrame(() => node.classList.add("md-tooltip2--active")); // after it is in place: it fades in
  }

  function hide() {
    if (!shown) return;
    const { host, node, timer } = shown;
    clearTimeout(timer);
    node.remove();
    for (const name of ["aria-controls", "aria-haspopup", "aria-describedby"]) host.removeAttribute(name);
    if (host.dataset.ssiTitle !== undefined) host.setAttribute("title", host.dataset.ssiTitle);
    shown = null;
  }

  function later() {
    if (!shown) return;
    clearTimeout(shown.timer);
    shown.timer = setTimeout(() => { if (!shown || !shown.host.matches(":focus")) hide(); }, LINGER_MS);
  }

  const hostOf = (target) => (target instanceof Element ? target.closest(HOSTS) : null);
  const onTooltip = (target) => Boolean(shown && target instanceof Node && shown.node.contains(target));

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType === "touch") return; // a tap follows the link, or shows nothing, as on Material
    const host = hostOf(event.target);
    if (host) show(host);
    else if (onTooltip(event.target)) clearTimeout(shown.timer);
  });
  document.addEventListener("pointerout", (event) => {
    if (!shown || event.pointerType === "touch") return;
    if (hostOf(event.relatedTarget) === shown.host || onTooltip(event.relatedTarget)) return;
    if (hostOf(event.target) === shown.host || onTooltip(event.target)) later();
  });
  document.addEventListener("focusin", (event) => {
    const host = hostOf(event.target);
    if (host) show(host);
    else if (!onTooltip(event.target)) hide();
  });
  document.addEventListener("focusout", (event) => {
    if (shown && event.target === shown.host && !onTooltip(event.relatedTarget)) later();
  });
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); }); // dismissible (WCAG 1.4.13)
  // Instant navigation swaps the page: a tooltip of the last one must not stay.
  if (window.document$) window.document$.subscribe(hide);
})();

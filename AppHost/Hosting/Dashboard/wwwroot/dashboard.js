// The dashboard's only script, embedded in the hosting library: it keeps pages live (server-sent events) and loads
// slow parts after the page. Every page works without it, only without live updates.
"use strict";

// Resources: re-render the table whenever a resource changes (and every 5 s, for the uptimes).
function followResources(section) {
  let pending = false;
  const refresh = async () => {
    if (pending) return;
    pending = true;
    try {
      await new Promise(r => setTimeout(r, 150)); // one fetch for a burst of changes
      const open = [...section.querySelectorAll("details[open]")].map(d => d.id);
      const response = await fetch(section.dataset.fragment, { credentials: "same-origin", cache: "no-store" });
      if (response.ok) {
        section.innerHTML = await response.text();
        open.forEach(id => { const d = document.getElementById(id); if (d) d.open = true; });
      }
    } finally {
      pending = false;
    }
  };
  const events = new EventSource(section.dataset.live);
  events.addEventListener("resource", refresh);
  setInterval(refresh, 5000);
}

// Console: append each new line; keep at most data-max lines; follow the end unless the reader scrolled up.
function followConsole(box) {
  const max = parseInt(box.dataset.max, 10) || 2000;
  const status = document.getElementById("console-status");
  const atEnd = () => box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  box.scrollTop = box.scrollHeight;
  const events = new EventSource(box.dataset.live);
  events.addEventListener("line", e => {
    const line = JSON.parse(e.data);
    const follow = atEnd();
    const row = document.createElement("div");
    row.className = line.e ? "line err" : "line";
    for (const [cls, text] of [["ts", line.t], ["src " + line.c, line.i], ["text", line.x]]) {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = text;
      row.appendChild(span);
    }
    box.appendChild(row);
    while (box.childElementCount > max) box.firstElementChild.remove();
    if (follow) box.scrollTop = box.scrollHeight;
    if (status) status.textContent = box.childElementCount + " line(s); following live";
  });
  events.onerror = () => { if (status) status.textContent = "disconnected; reload to follow again"; };
}

// Audit: the chain's verification reads the whole chain, so it is loaded after the page.
async function loadVerification(section) {
  const response = await fetch(section.dataset.src, { credentials: "same-origin", cache: "no-store" });
  if (response.ok) section.innerHTML = await response.text();
}

document.addEventListener("DOMContentLoaded", () => {
  const resources = document.querySelector("#resources[data-live]");
  if (resources) followResources(resources);
  const console = document.querySelector("#console[data-live]");
  if (console) followConsole(console);
  const verification = document.querySelector("#verification[data-src]");
  if (verification) loadVerification(verification);
});

/**
 * The HTML trace viewer: one self-contained file (styles, script and diagram
 * inline, no network access): the steps, the state after the selected step
 * with changed rows highlighted, the sequence diagram with the step marked,
 * the explanation, and the model's notes (all of them under the explanation,
 * each selecting its step, and the selected step's beside its state; red
 * step numbers mark the steps that have one). Left/right, Home/End move
 * between steps; printing shows every step. A lasso's cycle is highlighted
 * in the step list, with a "back to step k" button after its last step
 * (and → there goes round again), and its fairness argument is listed
 * under the explanation.
 */
import type { Model } from "../model.js";
import type { PropertyResult, Trace } from "../result.js";
import { escapeXml as esc, sequenceSvg } from "./sequence-svg.js";
import { FAIRNESS_HEADING, fairnessLines, loopMarkers } from "./lasso.js";
import { kindLabel } from "./steps.js";
import { diffViews, viewOf } from "./view.js";

/** What the page shows, computed from a trace. */
interface ViewerStep {
  readonly n: number;
  readonly description: string;
  readonly rows: ReadonlyArray<{ readonly label: string; readonly value: string; readonly was: string | null }>;
  readonly notes: readonly string[];
}

/** Where the trace came from, for the page's heading. */
export interface HtmlContext {
  readonly model: string;
  readonly parameters: Readonly<Record<string, number>>;
}

/** The viewer page of one property's trace. */
export function traceToHtml<S, A>(model: Model<S, A>, result: Pick<PropertyResult, "name" | "kind" | "description" | "verdict">, trace: Trace<S, A>, context: HtmlContext): string {
  let previous = viewOf(model, trace.steps[0]!.state);
  const steps: ViewerStep[] = trace.steps.map((step, n) => {
    const view = viewOf(model, step.state);
    const changed = new Map(n === 0 ? [] : diffViews(previous, view).map((c) => [c.label, c.before] as const));
    previous = view;
    return {
      n,
      description: n === 0 ? "Initial state" : step.description,
      rows: view.map(([label, value]) => ({ label, value, was: changed.has(label) ? (changed.get(label) ?? "") : null })),
      notes: trace.notes.filter((x) => x.step === n).map((x) => x.text),
    };
  });
  const diagram = model.diagram
    ? sequenceSvg({
        participants: model.diagram.participants(),
        messages: trace.steps.flatMap((step, i) =>
          i === 0 || step.action === null ? [] : model.diagram!.messages(trace.steps[i - 1]!.state, step.action, step.state).map((m) => ({ ...m, step: i })),
        ),
      })
    : "";
  const verb = result.verdict === "found" ? "reached" : "violated";
  const config = Object.entries(context.parameters).map(([k, v]) => `${k}=${v}`).join(", ");
  const title = `${result.name} ${verb} in ${context.model}`;
  const data = JSON.stringify(steps).replace(/</g, "\\u003c");
  const loop = loopMarkers(trace);
  const fair = fairnessLines(trace);
  const inCycle = (n: number): boolean => loop !== null && (loop.back ? n > loop.at : n === loop.at);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1><code>${esc(result.name)}</code> ${verb} in <code>${esc(context.model)}</code></h1>
  <p class="meta">${esc(kindLabel(result.kind))}: ${esc(result.description || result.name)}${config ? ` · ${esc(config)}` : ""} · ${trace.steps.length - 1} actions, ${loop ? `a lasso: a shortest stem to step ${loop.at}, then a cycle forever` : "a shortest trace"}</p>
  <p class="reason"><strong>${result.verdict === "found" ? "What it shows" : "Why it fails"}:</strong> ${esc(trace.reason)}</p>${
    fair.length > 0
      ? `
  <div id="fairness"><p>${esc(FAIRNESS_HEADING)}</p><ul>${fair.map((f) => `<li>${esc(f)}</li>`).join("")}</ul></div>`
      : ""
  }${
    trace.notes.length > 0
      ? `
  <ul id="key-notes" aria-label="notes on the trace">${trace.notes
          .map((x) => `<li><button type="button" data-step="${x.step}"><span class="step-ref">step ${x.step}</span> ${esc(x.text)}</button></li>`)
          .join("")}</ul>`
      : ""
  }
</header>
<main>
  <nav aria-label="steps"><ol id="steps" start="0"${loop ? ` data-loop="${loop.at}"` : ""}>${steps
    .map((s) => {
      const classes = [s.notes.length ? "noted" : "", inCycle(s.n) ? "cycle" : ""].filter(Boolean).join(" ");
      const marker = loop && s.n === loop.at ? `<span class="loop-start">${esc(loop.start)}</span>` : "";
      return `<li data-step="${s.n}"${classes ? ` class="${classes}"` : ""}><button type="button">${esc(s.description)}</button>${marker}</li>`;
    })
    .join("")}</ol>${loop?.back ? `
    <button type="button" id="back-to-loop" data-step="${loop.at}">${esc(loop.back)}</button>` : ""}
    <p class="keys">← → step · Home/End first/last${steps.some((x) => x.notes.length > 0) ? ` · <span class="legend-mark">red number</span>: the step has a note` : ""}</p></nav>
  <section id="state" aria-live="polite">
    <h2 id="step-title"></h2>
    <ul id="notes"></ul>
    <table><thead><tr><th>variable</th><th>value after this step</th></tr></thead><tbody id="rows"></tbody></table>
  </section>
</main>
${diagram ? `<section id="diagram"><h2>Sequence</h2>${diagram}</section>` : ""}
<section id="print-all">${steps
    .map(
      (s) =>
        `<div class="print-step"><h3>${s.n}. ${esc(s.description)}</h3><ul>${s.rows
          .filter((r) => s.n === 0 || r.was !== null)
          .map((r) => `<li>${esc(r.label)}: ${r.was !== null && s.n > 0 ? `${esc(r.was)} → ` : ""}${esc(r.value)}</li>`)
          .join("")}${s.notes.map((x) => `<li class="note">${esc(x)}</li>`).join("")}</ul></div>`,
    )
    .join("")}</section>
<script type="application/json" id="trace-data">${data}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const STYLE = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --hi:#fff1b8; --sel:#ddf4ff; --accent:#0969da; --bad:#cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
header { padding: 16px 24px 8px; border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 0 0 8px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.meta { color: var(--muted); margin: 0 0 6px; }
.reason { margin: 0; padding: 8px 12px; border-left: 4px solid var(--bad); background: #ffebe9; }
#key-notes { margin: 6px 0 0; padding: 0; list-style: none; }
#key-notes button { all: unset; cursor: pointer; display: block; padding: 4px 12px; margin-top: 4px; border-left: 4px solid var(--accent); background: #f6f8fa; }
#key-notes button:hover { background: var(--sel); }
#key-notes .step-ref, .legend-mark { color: var(--bad); font-weight: bold; }
main { display: grid; grid-template-columns: minmax(260px, 38%) 1fr; gap: 16px; padding: 16px 24px; }
nav ol { margin: 0; padding-left: 2.2em; }
nav li { margin: 1px 0; }
nav li.noted::marker { color: var(--bad); font-weight: bold; }
nav button { all: unset; cursor: pointer; display: block; padding: 3px 8px; border-radius: 4px; width: 100%; }
nav button:hover { background: #f6f8fa; }
nav li.selected button { background: var(--sel); outline: 1px solid var(--accent); }
.keys { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
tr.changed td { background: var(--hi); }
td .was { color: var(--muted); text-decoration: line-through; margin-right: 6px; }
#notes { margin: 0 0 10px; padding: 0; list-style: none; }
#notes li { padding: 6px 10px; margin-bottom: 6px; border-left: 4px solid var(--accent); background: #f6f8fa; }
#diagram { padding: 0 24px 24px; overflow-x: auto; }
svg.sequence { font: 12px system-ui, sans-serif; color: var(--fg); }
svg .lifeline { stroke: var(--line); stroke-dasharray: 4 3; }
svg .actor { fill: #f6f8fa; stroke: var(--muted); }
svg .actor-label, svg .note-text, svg .arrow-text { text-anchor: middle; fill: currentColor; }
svg .arrow { stroke: currentColor; }
svg .note { fill: #fff8c5; stroke: #d4a72c; }
svg .band { fill: transparent; }
svg g.message { cursor: pointer; }
svg g.message.selected .band { fill: var(--sel); }
svg g.message.selected .arrow-text, svg g.message.selected .note-text { font-weight: 700; }
nav li.cycle button { border-left: 4px solid #bf8700; }
.loop-start { display: block; color: #9a6700; font-size: 12px; padding: 0 8px; }
#back-to-loop { all: unset; cursor: pointer; display: block; margin: 6px 0 0 2.2em; padding: 3px 8px; color: #9a6700; font-weight: 600; }
#back-to-loop:hover { background: #fff8c5; }
#fairness { margin: 6px 0 0; padding: 6px 12px; border-left: 4px solid #bf8700; background: #fff8c5; }
#fairness p { margin: 0; }
#fairness ul { margin: 2px 0 0; padding-left: 1.4em; }
#print-all { display: none; }
@media print {
  main, #diagram .band, .keys { display: none; }
  #print-all { display: block; padding: 0 24px; }
  .print-step { break-inside: avoid; }
  .print-step h3 { font-size: 14px; margin: 10px 0 2px; }
  .print-step li.note { font-style: italic; }
  #diagram { break-before: page; }
}
`;

const SCRIPT = `
(function () {
  var steps = JSON.parse(document.getElementById("trace-data").textContent);
  var items = document.querySelectorAll("#steps li");
  var messages = document.querySelectorAll("svg g.message");
  var current = 0;
  function text(el, s) { el.textContent = s; return el; }
  function show(n) {
    current = Math.max(0, Math.min(steps.length - 1, n));
    var s = steps[current];
    items.forEach(function (li) { li.classList.toggle("selected", Number(li.dataset.step) === current); });
    messages.forEach(function (g) { g.classList.toggle("selected", Number(g.dataset.step) === current); });
    text(document.getElementById("step-title"), "Step " + s.n + " of " + (steps.length - 1) + ": " + s.description);
    var notes = document.getElementById("notes");
    notes.replaceChildren.apply(notes, s.notes.map(function (x) { return text(document.createElement("li"), x); }));
    var rows = document.getElementById("rows");
    rows.replaceChildren.apply(rows, s.rows.map(function (r) {
      var tr = document.createElement("tr");
      if (r.was !== null) tr.className = "changed";
      tr.appendChild(text(document.createElement("td"), r.label));
      var td = document.createElement("td");
      if (r.was !== null) td.appendChild(text(document.createElement("span"), r.was)).className = "was";
      td.appendChild(document.createTextNode(r.value));
      tr.appendChild(td);
      return tr;
    }));
    var sel = document.querySelector("#steps li.selected");
    if (sel && sel.scrollIntoView) sel.scrollIntoView({ block: "nearest" });
    if (history.replaceState) history.replaceState(null, "", "#step-" + current);
  }
  items.forEach(function (li) { li.querySelector("button").addEventListener("click", function () { show(Number(li.dataset.step)); }); });
  messages.forEach(function (g) { g.addEventListener("click", function () { show(Number(g.dataset.step)); }); });
  document.querySelectorAll("#key-notes button, #back-to-loop").forEach(function (b) { b.addEventListener("click", function () { show(Number(b.dataset.step)); }); });
  // A lasso goes round: after its last step comes the step after the loop's start.
  var loopAt = document.getElementById("steps").dataset.loop;
  var cycles = loopAt !== undefined && Number(loopAt) < steps.length - 1;
  document.addEventListener("keydown", function (e) {
    var forward = cycles && current === steps.length - 1 ? Number(loopAt) + 1 : current + 1;
    var next = { ArrowRight: forward, ArrowDown: forward, ArrowLeft: current - 1, ArrowUp: current - 1, Home: 0, End: steps.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    show(next);
  });
  var m = /^#step-(\\d+)$/.exec(location.hash);
  show(m ? Number(m[1]) : steps.length - 1);
})();
`;

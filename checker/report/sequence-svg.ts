/**
 * A trace's sequence diagram as static SVG, for the HTML viewer. Hand-drawn
 * rather than Mermaid: our diagrams have only lifelines, arrows and notes,
 * this is ~100 lines against Mermaid's ~3 MB bundle inlined into every file,
 * and each step is a `<g data-step>` the viewer can highlight.
 */
import type { DiagramMessage } from "../model.js";

/** Participants and the messages of each step. */
export interface SequenceData {
  readonly participants: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly messages: ReadonlyArray<DiagramMessage & { readonly step: number }>;
}

const COL = 150;
const TOP = 56;
const ROW = 34;
// Average glyph width of the 12px sans-serif used in the diagram, for fitting text.
const CHAR = 6.4;

/** The SVG element (a string) of the diagram. */
export function sequenceSvg(data: SequenceData): string {
  const x = new Map(data.participants.map((p, i) => [p.id, COL / 2 + i * COL] as const));
  const width = data.participants.length * COL;
  const height = TOP + data.messages.length * ROW + 24;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sequence" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="sequence diagram">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>`,
  ];
  for (const p of data.participants) {
    const cx = x.get(p.id)!;
    out.push(`<line class="lifeline" x1="${cx}" y1="${TOP - 14}" x2="${cx}" y2="${height - 8}"/>`);
    out.push(`<rect class="actor" x="${cx - COL / 2 + 6}" y="4" width="${COL - 12}" height="38" rx="4"/>`);
    const lines = splitLabel(p.label);
    lines.forEach((line, i) => {
      const y = lines.length === 1 ? 28 : 20 + i * 14;
      out.push(`<text class="actor-label" x="${cx}" y="${y}">${escapeXml(short(line, 24))}</text>`);
    });
  }
  data.messages.forEach((m, i) => {
    const y = TOP + i * ROW + ROW / 2;
    const x1 = x.get(m.from) ?? 0;
    const x2 = x.get(m.to) ?? x1;
    out.push(`<g class="message" data-step="${m.step}">`);
    out.push(`<rect class="band" x="0" y="${y - ROW / 2}" width="${width}" height="${ROW}"/>`);
    const label = `${m.step}. ${m.text}`;
    if (m.kind === "note" || m.from === m.to) {
      // A note grows to fit its text (up to the diagram's width), centred on its participants.
      const span = Math.abs(x2 - x1) + COL - 20;
      const w = Math.min(width - 8, Math.max(span, label.length * CHAR + 16));
      const left = Math.max(4, Math.min(width - 4 - w, (x1 + x2) / 2 - w / 2));
      out.push(`<rect class="note" x="${left}" y="${y - 11}" width="${w}" height="22" rx="3"/>`);
      out.push(`<text class="note-text" x="${left + w / 2}" y="${y + 4}">${escapeXml(short(label, Math.floor((w - 12) / CHAR)))}</text>`);
    } else {
      out.push(`<line class="arrow" x1="${x1}" y1="${y + 6}" x2="${x2}" y2="${y + 6}" marker-end="url(#arrow)"/>`);
      out.push(`<text class="arrow-text" x="${(x1 + x2) / 2}" y="${y}">${escapeXml(short(label, Math.floor((width - 8) / CHAR)))}</text>`);
    }
    out.push(`<title>${escapeXml(`${m.step}. ${m.text}`)}</title></g>`);
  });
  out.push("</svg>");
  return out.join("\n");
}

// Long participant names go on two lines, split at the space nearest the middle.
function splitLabel(label: string): string[] {
  if (label.length <= 20) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index!);
  if (spaces.length === 0) return [label];
  const mid = spaces.reduce((best, i) => (Math.abs(i - label.length / 2) < Math.abs(best - label.length / 2) ? i : best));
  return [label.slice(0, mid), label.slice(mid + 1)];
}

function short(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, Math.max(1, max - 1)) + "…";
}

/** Escapes text for XML and HTML. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

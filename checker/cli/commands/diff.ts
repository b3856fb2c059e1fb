/**
 * `dnsmc diff A B`: two variants side by side (verdicts, distinct states,
 * diameter), and every counterexample of A replayed on B: blocked at step k
 * (and by which rule), or diverging, and still violating or not at the end.
 */
import type { Property } from "../../property.js";
import { replayOn, type ReplayOutcome } from "../../replay.js";
import { count, verdictText } from "../../report/summary.js";
import type { PropertyResult } from "../../result.js";
import { loadContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { checkVariant, COMMON_OPTIONS, configText, parameterOptions, parameterValues, parse } from "../options.js";
import type { Output } from "../output.js";
import { runCheck } from "../run.js";
import { selectProperties } from "../select.js";

/** Runs `dnsmc diff A B ARGS`; returns the exit code (0 unless the input is bad). */
export async function diffCommand(args: readonly string[], io: Output): Promise<number> {
  const { loaded } = await loadContext(args, io);
  const { family } = loaded;
  const { values, positionals } = parse(args, { ...COMMON_OPTIONS, property: { type: "string", multiple: true }, ...parameterOptions(family) }, "diff", true);
  if (positionals.length !== 2) throw new UsageError(`dnsmc diff takes two variants, e.g. \`dnsmc diff incident cas\`; got ${positionals.length}.`);
  const [a, b] = positionals as [string, string];
  for (const v of [a, b]) checkVariant(family, v);
  const params = parameterValues(family, values);
  const properties = selectProperties(loaded, (values.property as string[] | undefined) ?? []);
  const runA = await runCheck(loaded, a, params, properties, { continue: true });
  const runB = await runCheck(loaded, b, params, properties, { continue: true });
  for (const r of [runA, runB]) if (r.result.error) throw new UsageError(`The model failed: ${r.result.error.message}`);

  const config = configText(params);
  io.out(`dnsmc diff: ${a} vs ${b}${config ? ` (${config})` : ""}`);
  io.out("");
  const rows: string[][] = [["", a, b]];
  runA.result.properties.forEach((p, i) => rows.push([p.name, verdictText(p), verdictText(runB.result.properties[i]!)]));
  rows.push(["distinct states", count(runA.result.distinctStates), count(runB.result.distinctStates)]);
  rows.push(["diameter", String(runA.result.diameter), String(runB.result.diameter)]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) io.out("  " + r.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());

  const violated = runA.result.properties.filter((p) => p.verdict === "violated" && p.trace);
  io.out("");
  if (violated.length === 0) {
    io.out(`${a} has no counterexample to replay on ${b}.`);
    return EXIT.ok;
  }
  io.out(`Counterexamples of ${a} replayed on ${b}:`);
  for (const p of violated) {
    const property = properties.find((x) => x.name === p.name)!;
    const states = p.trace!.steps.map((s) => s.state);
    const actions = p.trace!.steps.slice(1).map((s) => s.action);
    const outcome = replayOn(runB.model, states, actions, property as Property<unknown, unknown>, p.trace!.loop);
    const bVerdict = runB.result.properties.find((x) => x.name === p.name)?.verdict ?? "unknown";
    for (const line of replayLines(p, bVerdict, outcome, a, b)) io.out(line);
  }
  return EXIT.ok;
}

function replayLines(p: PropertyResult, bVerdict: string, outcome: ReplayOutcome<unknown>, a: string, b: string): string[] {
  const steps = p.trace!.steps;
  // The verdict is this trace's: the property may still be violated on b by another one (the table above says).
  const otherTrace = bVerdict === "violated" ? ` (${b} violates it by another trace: see the table)` : "";
  const verdict =
    outcome.blockedAt !== null
      ? `this trace is blocked at step ${outcome.blockedAt} of ${p.traceLength} on ${b}${otherTrace}`
      : outcome.stillViolated
        ? `this ${p.trace!.loop === undefined ? "trace" : "lasso"} STILL violates it on ${b}`
        : `this ${p.trace!.loop === undefined ? "trace" : "lasso"} no longer violates it on ${b}${otherTrace}`;
  const lines = ["", `  ${p.name} (${p.traceLength} actions${p.trace!.loop === undefined ? "" : `, looping from step ${p.trace!.loop}`}): ${verdict}`];
  // Show a step when it diverges anew; a difference carried along unchanged is not repeated.
  let shown = new Set<string>();
  for (const s of outcome.steps) {
    if (s.status === "blocked") {
      lines.push(`    ${s.n}. ${steps[s.n]!.description}: not enabled on ${b}${s.reason ? `: ${s.reason}` : ""}`);
      continue;
    }
    const rows = s.differences.map((d) => `${d.label}: ${d.before ?? "(none)"} on ${a}, ${d.after ?? "(none)"} on ${b}`);
    const fresh = rows.filter((r) => !shown.has(r));
    shown = new Set(rows);
    if (fresh.length === 0) continue;
    lines.push(`    ${s.n}. on ${b}: ${s.description}`);
    for (const r of fresh) lines.push(`         ${r}`);
  }
  if (outcome.blockedAt === null && outcome.steps.every((s) => s.status === "same")) lines.push(`    every step has the same effect on ${b}`);
  return lines;
}

/** `dnsmc view TRACE.itf.json [-o FILE.html]`: the trace as a self-contained HTML page. */
import { relative, resolve } from "node:path";
import { historyOf } from "../../trace.js";
import { writeFileAtomic } from "../../report/files.js";
import { traceToHtml } from "../../report/html.js";
import { describeAction } from "../../trace.js";
import { fairnessNotes } from "../../lasso.js";
import type { TraceStep } from "../../result.js";
import { loadContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { COMMON_OPTIONS, parameterOptions, parse } from "../options.js";
import type { Output } from "../output.js";
import { readTraceFile } from "../trace-file.js";
import { usableFile } from "../output-path.js";

/** Runs `dnsmc view FILE ARGS`; writes the page and prints its path. */
export async function viewCommand(args: readonly string[], io: Output): Promise<number> {
  const { loaded } = await loadContext(args, io);
  const options = { ...COMMON_OPTIONS, variant: { type: "string" }, property: { type: "string" }, output: { type: "string", short: "o" }, ...parameterOptions(loaded.family) } as const;
  const { values, positionals } = parse(args, options, "view", true);
  if (positionals.length !== 1) throw new UsageError("dnsmc view takes one trace file, e.g. `dnsmc view counterexamples/incident/endpoint-never-empty.itf.json`.");
  const file = resolve(positionals[0]!);
  if (typeof values.output === "string") usableFile(values.output, "-o");
  const t = readTraceFile(file, loaded, values);
  // The page shows the trace as written in the file; the model only names and explains its steps.
  const steps: TraceStep<unknown, unknown>[] = t.states.map((state, i) => ({
    state,
    action: i === 0 ? null : t.actions[i - 1]!,
    description: i === 0 ? "initial state" : describeAction(t.model, t.actions[i - 1]!, t.states[i - 1]!, state),
  }));
  const history = historyOf(steps);
  const last = t.states[t.states.length - 1];
  const p = t.property;
  const reason =
    (typeof t.itf.meta.reason === "string" ? t.itf.meta.reason : null) ??
    (p && p.kind !== "step" && p.explain ? p.explain(last, history) : "The trace as recorded.");
  // A lasso keeps its loop, and its fairness argument is worked out again on the model (it is not taken from the file).
  const loop = t.itf.loop;
  const trace = {
    steps,
    reason,
    notes: t.model.annotate ? [...t.model.annotate(history)] : [],
    ...(loop !== undefined ? { loop, fairness: fairnessNotes(t.model, steps, loop) } : {}),
  };
  const page = traceToHtml(
    t.model,
    { name: p?.name ?? "trace", kind: p?.kind ?? "always", description: p?.description ?? "", verdict: "violated" },
    trace,
    { model: t.variant, parameters: t.params },
  );
  const out = typeof values.output === "string" ? resolve(values.output) : file.replace(/(\.itf)?\.json$/, "") + ".html";
  writeFileAtomic(out, page);
  io.out(relative(process.cwd(), out));
  return EXIT.ok;
}

/**
 * `dnsmc simulate`: seeded random walks over a configuration too large to
 * explore, checking the same properties; prints the seed and a command that
 * reproduces a violation, and the violation shortened to a locally minimal
 * trace.
 */
import { count } from "../../report/summary.js";
import { relative } from "node:path";
import { renderTraces, writeRendered } from "../../report/counterexamples.js";
import { traceToText } from "../../report/text.js";
import { simulate } from "../../simulate.js";
import { loadContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { checkVariant, COMMON_OPTIONS, configText, integer, milliseconds, parameterOptions, parameterValues, parse } from "../options.js";
import type { Output } from "../output.js";
import { usableFolder } from "../output-path.js";
import { buildModel, selectProperties } from "../select.js";

/** Runs `dnsmc simulate ARGS`: exit 1 when a walk violates a property, 0 when none did (not a proof), 2 on bad input. */
export async function simulateCommand(args: readonly string[], io: Output): Promise<number> {
  const { loaded } = await loadContext(args, io);
  const { family } = loaded;
  const options = {
    ...COMMON_OPTIONS,
    variant: { type: "string" },
    property: { type: "string", multiple: true },
    seed: { type: "string" },
    runs: { type: "string" },
    run: { type: "string" },
    depth: { type: "string" },
    timeout: { type: "string" },
    out: { type: "string" },
    ...parameterOptions(family),
  } as const;
  const { values } = parse(args, options, "simulate");
  const variant = checkVariant(family, (values.variant as string | undefined) ?? family.variants[0]!.name);
  const params = parameterValues(family, values);
  const properties = selectProperties(loaded, (values.property as string[] | undefined) ?? []);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : integer("--seed", values.seed as string, 0, 2 ** 31 - 1);
  const runs = values.runs === undefined ? 10_000 : integer("--runs", values.runs as string, 1, 10_000_000);
  const firstRun = values.run === undefined ? 0 : integer("--run", values.run as string, 0, 10_000_000);
  const depth = values.depth === undefined ? 200 : integer("--depth", values.depth as string, 1, 1_000_000);
  const timeoutMs = values.timeout === undefined ? undefined : milliseconds("--timeout", values.timeout as string);
  if (typeof values.out === "string") usableFolder(values.out, "--out");
  const model = buildModel(loaded, variant, params);
  const config = configText(params);
  const result = simulate(model, { properties, seed, runs, depth, firstRun, ...(timeoutMs === undefined ? {} : { timeoutMs }) });

  if (values.json) {
    io.out(JSON.stringify({ model: family.name, variant, parameters: params, ...result, violation: result.violation && { ...result.violation, traceLength: result.violation.trace.steps.length - 1 } }, null, 2));
  } else {
    io.out(`dnsmc simulate: ${family.name}, variant ${variant}${config ? ` (${config})` : ""}, seed ${seed}`);
    io.out(`  ${count(result.runs)} walk${result.runs === 1 ? "" : "s"} of up to ${depth} actions, ${count(result.steps)} actions simulated, ${(result.elapsedMs / 1000).toFixed(2)} s`);
    if (result.witnesses.length > 0) io.out(`  witnesses reached: ${result.witnesses.join(", ")}`);
    if (result.skipped.length > 0) io.out(`  not judged by simulation (needs the whole graph): ${result.skipped.join(", ")}`);
    io.out("");
  }
  const v = result.violation;
  if (!v) {
    if (!values.json) io.out("No violation found. Random walks are not a proof: check exhaustively (dnsmc check) where the configuration allows.");
    return EXIT.ok;
  }
  const flags = family.parameters.map((p) => `--${p.name} ${params[p.name]}`).join(" ");
  if (!values.json) {
    io.out(`${v.property} VIOLATED in walk ${v.run} after ${v.originalLength} actions (found in ${(v.foundAfterMs / 1000).toFixed(2)} s); shortened to ${v.trace.steps.length - 1} actions (locally minimal).`);
    io.out(`Reproduce: npx dnsmc simulate --variant ${variant} ${flags} --property ${v.property} --seed ${seed} --run ${v.run} --runs 1 --depth ${depth}`);
    io.out("");
    const p = { name: v.property, kind: v.kind, description: properties.find((x) => x.name === v.property)?.description ?? "", verdict: "violated" as const, traceLength: v.trace.steps.length - 1, trace: v.trace };
    for (const line of traceToText(model, p, v.trace, io.term)) io.out(line);
    if (typeof values.out === "string") {
      const files = renderTraces(model, [p], `${model.name},simulated`, { model: variant, parameters: params, source: loaded.source });
      for (const f of writeRendered(values.out, files)) io.out(`  written: ${relative(process.cwd(), f)}`);
    }
  }
  return EXIT.violated;
}

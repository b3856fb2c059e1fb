/** `dnsmc check`: check one variant in one configuration and report. */
import { relative } from "node:path";
import type { ModelError } from "../../result.js";
import { progressLine } from "../../report/progress.js";
import type { Property } from "../../property.js";
import { WorkerPool } from "../../search/levels/worker-pool.js";
import { levelsApply } from "../../search/plan.js";
import { WORKER_MODEL, type WorkerModelSpec } from "../../worker-model.js";
import type { LoadedFamily } from "../load.js";
import type { CheckCommandOptions } from "../options.js";
import { loadContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { configText, parseCheckOptions } from "../options.js";
import type { Output } from "../output.js";
import { runCheck } from "../run.js";
import { checkableUnder, selectProperties, SYMMETRY_SKIPS_TEMPORAL } from "../select.js";
import { usableFolder } from "../output-path.js";

/** Runs `dnsmc check ARGS`; returns the exit code. */
export async function checkCommand(args: readonly string[], io: Output, early: WorkerPool | null = null): Promise<number> {
  const { loaded, defaultOut } = await loadContext(args, io);
  const opts = parseCheckOptions(args, loaded.family, defaultOut);
  if (opts.out !== null) usableFolder(opts.out, "--out");
  if (opts.noProperties && opts.properties.length > 0) throw new UsageError("--no-properties and --property contradict each other: pass one or the other.");
  const { properties, skipped } = checkableUnder(opts.noProperties ? [] : selectProperties(loaded, opts.properties), opts.symmetry, opts.properties);
  // Worker threads (started early by main.ts if it could tell) load the model while this thread builds its own copy.
  // Only the level search uses them: not depth-first, not with limits or recoverable.
  const levels = !opts.generic && levelsApply(properties, { strategy: opts.strategy, maxStates: opts.maxStates ?? Infinity, maxDepth: opts.maxDepth ?? Infinity });
  const wanted = opts.workers > 1 && levels ? opts.workers - 1 : 0;
  if (early && early.size !== wanted) await early.close();
  const workerPool = early?.size === wanted ? early : wanted > 0 ? new WorkerPool(WORKER_MODEL, wanted) : undefined;
  const spec = workerSpec(loaded, opts, properties);
  workerPool?.load(spec, opts.symmetry);
  const progress = !opts.json && process.stderr.isTTY ? progressLine(process.stderr, opts.maxStates) : null;
  const { model, result } = await runCheck(loaded, opts.variant, opts.params, properties, {
    strategy: opts.strategy,
    continue: opts.continue,
    symmetry: opts.symmetry,
    ...(opts.maxStates === undefined ? {} : { maxStates: opts.maxStates }),
    ...(opts.maxDepth === undefined ? {} : { maxDepth: opts.maxDepth }),
    ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
    ...(opts.maxMemoryBytes === undefined ? {} : { maxMemoryBytes: opts.maxMemoryBytes }),
    fastPath: !opts.generic,
    deadlock: opts.deadlock,
    ...(workerPool ? { workerPool } : {}),
    // A plain-object model uses no pool: its one helper thread rebuilds the model from the same spec.
    workers: opts.workers,
    workerSource: { module: WORKER_MODEL, spec },
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  // The reports load once the search is over: until then they would only delay it (start-up is paid on every run).
  const [{ writeCounterexamples }, { resultToJson }, { summaryLines }, { traceToText }, { minimize }] = await Promise.all([
    import("../../report/counterexamples.js"),
    import("../../report/json.js"),
    import("../../report/summary.js"),
    import("../../report/text.js"),
    import("../minimize.js"),
  ]);
  const context = { model: opts.variant, parameters: opts.params, source: loaded.source };
  if (result.error) {
    if (opts.json) io.out(JSON.stringify(resultToJson(result, { model: loaded.family.name, variant: opts.variant, parameters: opts.params }), null, 2));
    for (const line of modelErrorLines(result.error)) io.err(line);
    if (opts.verbose && result.error.stack) io.err(result.error.stack);
    return EXIT.usage;
  }
  const files = opts.out === null ? [] : writeCounterexamples(model, result, opts.out, context);
  // The smallest configuration in which each violated property still fails (--minimize), searched before anything is printed.
  const minimized = [];
  if (opts.minimize) {
    // The deadlock check is no property of the family: its smallest configuration is not searched.
    for (const p of result.properties.filter((x) => x.verdict === "violated" && x.trace && properties.some((q) => q.name === x.name))) {
      const property = properties.find((x) => x.name === p.name)!;
      const found = await minimize(loaded, opts.variant, property, opts.params, opts.symmetry);
      if (!found) continue;
      const written = opts.out === null ? [] : writeCounterexamples(found.model, found.result, opts.out, { ...context, parameters: found.parameters });
      minimized.push({ property: p.name, found, written: written.map((f) => relative(process.cwd(), f)) });
    }
  }
  if (opts.json) {
    const json = resultToJson(result, { model: loaded.family.name, variant: opts.variant, parameters: opts.params, files: files.map((f) => relative(process.cwd(), f)) });
    const smallest = minimized.map(({ property, found, written }) => {
      const small = found.result.properties[0]!;
      const trace = (resultToJson(found.result, {}) as { properties: { trace: unknown }[] }).properties[0]!.trace;
      return { property, parameters: found.parameters, tried: found.tried, traceLength: small.traceLength, trace, files: written };
    });
    io.out(JSON.stringify(opts.minimize ? { ...json, minimized: smallest } : json, null, 2));
  } else {
    const params = configText(opts.params);
    const title = `dnsmc check: ${loaded.family.name}, variant ${opts.variant}${params ? ` (${params})` : ""}`;
    const lines = summaryLines(title, model, result, files.map((f) => relative(process.cwd(), f)), io.term);
    // Asked for more threads than the search could use (depth-first, bounds, a plain-object model): the plan says why,
    // under the counts.
    if (opts.workersAsked && result.plan && result.plan.threads < opts.workers) lines.splice(2, 0, `  note: ${result.plan.reason}`);
    for (const line of lines) io.out(line);
    if (skipped.length > 0) io.out(`\nNot checked: ${skipped.join(", ")} (${SYMMETRY_SKIPS_TEMPORAL}).`);
    for (const { property, found, written } of minimized) {
      const small = found.result.properties[0]!;
      const params = configText(found.parameters);
      io.out("");
      io.out(`Smallest configuration for ${property}: ${params} (${found.tried} configurations tried, ${small.traceLength} actions)`);
      for (const line of traceToText(found.model, small, small.trace!, io.term)) io.out(line);
      for (const f of written) io.out(`  written: ${f}`);
    }
  }
  return result.status === "ok" ? EXIT.ok : result.status === "violated" ? EXIT.violated : EXIT.incomplete;
}

/** A model failure as one paragraph plus the path that reached it. */
export function modelErrorLines(error: ModelError): string[] {
  const fix =
    error.kind === "nondeterministic"
      ? "Make next() and actions() pure functions of the state: no randomness, clocks, counters, or mutation of shared data."
      : error.kind === "property-threw"
        ? `Fix the property "${error.property}" so that it returns true or false for every reachable state (the path below reaches a state it fails on); the model itself did not fail.`
        : error.kind === "invalid-model"
          ? "Fix the model's declaration as the message says; see \"Checking your own model\" in the README."
          : "Fix the model so that it does not throw for an enabled action (actions() must offer only actions that next() can take).";
  const lines = [error.kind === "property-threw" ? `dnsmc: ${error.message}` : `dnsmc: the model failed: ${error.message}`, fix];
  if (error.path.length > 0) {
    lines.push("Path from the initial state:");
    error.path.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
  }
  return lines;
}

// How worker threads rebuild this check's model (worker-model.ts): the same modules, variant, parameters and properties.
function workerSpec(loaded: LoadedFamily, opts: CheckCommandOptions, properties: readonly Property[]): WorkerModelSpec {
  return {
    origin: { module: loaded.module, variant: opts.variant, params: opts.params, propertyModules: loaded.propertyModules },
    properties: properties.map((p) => p.name),
    deadlock: opts.deadlock,
  };
}

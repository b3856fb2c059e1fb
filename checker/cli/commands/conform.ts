/**
 * `dnsmc conform TRACE`: runs a trace on the project's real implementation
 * (package.json's `"dnsmc": {"implementation": ...}`) and on the model,
 * comparing states after every step.
 */
import { count } from "../../report/summary.js";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ImplementationUnavailable, type Implementation, type ImplementationSession } from "../../conform/implementation.js";
import { randomConform } from "../../conform/random.js";
import { conform, type ConformOutcome } from "../../conform/run.js";
import { writeFileAtomic } from "../../report/files.js";
import { formatItf, traceToItf } from "../../itf/write.js";
import type { LoadedFamily } from "../load.js";
import { usableFolder } from "../output-path.js";
import { buildModel } from "../select.js";
import { loadContext } from "../context.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { checkVariant, COMMON_OPTIONS, configText, integer, parameterOptions, parameterValues, parse, type ParsedValues } from "../options.js";
import type { Output } from "../output.js";
import type { ProjectConfig } from "../project.js";
import { readTraceFile } from "../trace-file.js";

/** Runs `dnsmc conform TRACE ARGS`; returns the exit code. */
export async function conformCommand(args: readonly string[], io: Output): Promise<number> {
  const { loaded, project, defaultOut } = await loadContext(args, io);
  const options = {
    ...COMMON_OPTIONS,
    variant: { type: "string" },
    property: { type: "string" },
    server: { type: "string" },
    random: { type: "boolean" },
    runs: { type: "string" },
    seed: { type: "string" },
    depth: { type: "string" },
    out: { type: "string" },
    ...parameterOptions(loaded.family),
  } as const;
  const { values, positionals } = parse(args, options, "conform", true);
  if (values.random) {
    if (positionals.length > 0) throw new UsageError("dnsmc conform --random takes no trace file: it makes its own random walks of the model.");
    return randomCommand(loaded, project, defaultOut, values, io);
  }
  if (positionals.length !== 1) throw new UsageError("dnsmc conform takes one trace file, e.g. `dnsmc conform counterexamples/incident/endpoint-never-empty.itf.json`, or --random.");
  const file = resolve(positionals[0]!);
  const t = readTraceFile(file, loaded, values);
  const implementation = await loadImplementation(project);
  const server = serverOf(implementation, values.server as string | undefined);
  const session = await startSession(implementation, t.variant, t.params, server);
  let outcome: ConformOutcome;
  try {
    outcome = await conform(t.model, t.states, t.actions, t.itfActions, session);
  } finally {
    await session.close();
  }
  if (values.json) {
    io.out(JSON.stringify({ trace: relative(process.cwd(), file), variant: t.variant, parameters: t.params, server, ...conformJson(outcome) }, null, 2));
  } else {
    const config = configText(t.params);
    io.out(`dnsmc conform: ${relative(process.cwd(), file)} on the implementation of ${t.variant}${config ? ` (${config})` : ""}, against ${server}`);
    io.out("");
    for (const line of conformLines(outcome)) io.out(line);
  }
  return outcome.matched ? EXIT.ok : EXIT.violated;
}

// `dnsmc conform --random`: walks of the model on the implementation; a divergence, shrunk, is written as a trace.
async function randomCommand(loaded: LoadedFamily, project: ProjectConfig | null, defaultOut: string, values: ParsedValues, io: Output): Promise<number> {
  const variant = checkVariant(loaded.family, (values.variant as string | undefined) ?? loaded.family.variants[0]!.name);
  const params = parameterValues(loaded.family, values);
  const runs = values.runs === undefined ? 20 : integer("--runs", values.runs as string, 1, 100_000);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : integer("--seed", values.seed as string, 0, 2 ** 31 - 1);
  const maxSteps = values.depth === undefined ? 30 : integer("--depth", values.depth as string, 1, 10_000);
  const out = usableFolder((values.out as string | undefined) ?? defaultOut, "--out");
  const model = buildModel(loaded, variant, params);
  const implementation = await loadImplementation(project);
  const server = serverOf(implementation, values.server as string | undefined);
  const session = await startSession(implementation, variant, params, server);
  let result;
  try {
    result = await randomConform(model, session, { runs, maxSteps, seed });
  } finally {
    await session.close();
  }
  const config = configText(params);
  const d = result.divergence;
  let file: string | null = null;
  if (d) {
    const trace = { steps: d.walk.steps, reason: `The implementation diverges from the model at step ${d.outcome.firstDivergence!.n}.`, notes: [] };
    file = join(out, "conformance", `${variant}.itf.json`);
    writeFileAtomic(file, formatItf(traceToItf(model, trace, { source: loaded.source, description: `a random walk on which the implementation of ${variant} diverges (seed ${seed})`, variant, parameters: params })));
  }
  if (values.json) {
    io.out(JSON.stringify({ variant, parameters: params, server, seed, runs: result.runs, steps: result.steps, matched: d === null, ...(d ? { trace: relative(process.cwd(), file!), ...conformJson(d.outcome) } : {}) }, null, 2));
  } else {
    io.out(`dnsmc conform --random: ${result.runs} walks of up to ${maxSteps} actions on the implementation of ${variant}${config ? ` (${config})` : ""}, against ${server}, seed ${seed}`);
    io.out(`  ${count(result.steps)} actions taken on both, states compared after each`);
    io.out("");
    if (!d) io.out("The implementation matched the model on every walk. Random walks are not a proof: conform the checker's traces too.");
    else {
      io.out(`A walk diverged; shortened to ${d.walk.itfActions.length} actions:`);
      for (const line of conformLines(d.outcome)) io.out(line);
      io.out("");
      io.out(`Written: ${relative(process.cwd(), file!)} (dnsmc conform and dnsmc replay read it)`);
    }
  }
  return d ? EXIT.violated : EXIT.ok;
}

// The --server asked for, if the implementation runs against it; else its first.
function serverOf(implementation: Implementation, asked: string | undefined): string {
  const server = asked ?? implementation.servers[0]!;
  if (!implementation.servers.includes(server)) throw new UsageError(`Unknown --server "${server}": this implementation runs against ${implementation.servers.join(", ")}.`);
  return server;
}

/** The outcome as `--json` prints it. */
export function conformJson(outcome: ConformOutcome): Record<string, unknown> {
  return {
    matched: outcome.matched,
    steps: outcome.steps.length - 1,
    firstDivergence: outcome.firstDivergence && {
      step: outcome.firstDivergence.n,
      description: outcome.firstDivergence.description,
      model: outcome.firstDivergence.model,
      implementation: outcome.firstDivergence.implementation,
      differences: outcome.firstDivergence.differences.map((d) => ({ field: d.label, model: d.before, implementation: d.after })),
    },
    [outcome.observation.label]: Object.fromEntries(outcome.observation.rows.map((r) => [r.name, r.data])),
  };
}

/** The outcome as terminal lines: each step, the divergence with both states, and what an observer sees at the end. */
export function conformLines(outcome: ConformOutcome): string[] {
  const width = String(outcome.steps.length - 1).length;
  const lines: string[] = [];
  for (const s of outcome.steps) {
    const at = `  ${String(s.n).padStart(width)}.`;
    const tag = s.matched ? (s.enabled ? "" : "   [not enabled in the model: no change]") : "   [DIVERGES]";
    lines.push(`${at} ${s.n === 0 ? "Initial state" : s.description}${tag}`);
    for (const d of s.differences) lines.push(`  ${" ".repeat(width)}     ${d.label}: ${d.before ?? "(none)"} in the model, ${d.after ?? "(none)"} in the implementation`);
  }
  lines.push("");
  const d = outcome.firstDivergence;
  lines.push(d ? `The implementation diverges from the model at step ${d.n}.` : `The implementation matched the model at every step (${outcome.steps.length - 1}).`);
  lines.push("", `${outcome.observation.label[0]!.toUpperCase()}${outcome.observation.label.slice(1)} at the end:`);
  for (const r of outcome.observation.rows) lines.push(`  ${r.name}: ${r.text}`);
  return lines;
}

/** The project's implementation module. */
export async function loadImplementation(project: ProjectConfig | null): Promise<Implementation> {
  if (!project?.implementation) {
    // A family of several names its implementation beside its model: at the top of the field for the first, in its entry of "families" for the others.
    const where = project && project.model !== project.families[0]!.model ? 'its entry of "families" in the "dnsmc" field of package.json' : 'the "dnsmc" field of package.json';
    throw new UsageError(`This model family names no implementation to conform: set "implementation" in ${where} to a module whose default export offers start() (see "Does the code match the model?" in the README).`);
  }
  if (!existsSync(project.implementation)) throw new UsageError(`The implementation module ${relative(process.cwd(), project.implementation)} does not exist. Build the project first (npm run build).`);
  const mod = (await import(pathToFileURL(project.implementation).href)) as { default?: Partial<Implementation> };
  const impl = mod.default;
  if (!impl || typeof impl.start !== "function" || !Array.isArray(impl.servers) || impl.servers.length === 0) {
    throw new UsageError(`${relative(process.cwd(), project.implementation)} does not export an implementation: its default export must have start() and servers (checker/conform/implementation.ts).`);
  }
  return impl as Implementation;
}

/** Starts a session; what the implementation cannot have here (a server) is a usage error with its own advice. */
export async function startSession(implementation: Implementation, variant: string, parameters: Readonly<Record<string, number>>, server: string): Promise<ImplementationSession> {
  try {
    return await implementation.start({ variant, parameters, server });
  } catch (error) {
    if (error instanceof ImplementationUnavailable || (error as Error)?.name === "ImplementationUnavailable") throw new UsageError((error as Error).message);
    throw error;
  }
}

/**
 * How long conformance takes (`npm run bench -- --conform`): starting Knot
 * DNS, one step of a trace on the real implementation (the action, then the
 * state read back and compared), a whole trace, and `dnsmc conform` end to
 * end as a user runs it. The committed counterexamples are the traces.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { conform } from "../checker/conform/run.js";
import implementation from "../impl/index.js";
import { dnsModel } from "../model/index.js";

/** Medians, in milliseconds. */
export interface ConformTimes {
  readonly serverStartMs: number;
  readonly traces: readonly { trace: string; steps: number; traceMs: number; stepMs: number }[];
  readonly cliMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times every committed counterexample `repeat` times on one session per trace, and the CLI on the incident trace. */
export async function conformTimes(root: string, repeat: number, env: NodeJS.ProcessEnv): Promise<ConformTimes> {
  const folder = join(root, "counterexamples");
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".itf.json")).sort();
  const starts: number[] = [];
  const traces = [];
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(folder, file), "utf8"));
    const { variant, parameters } = doc["#meta"];
    const model = dnsModel(variant, parameters);
    const states = doc.states.map((s: Record<string, unknown>) => model.fromItf!(s));
    const actions = doc.states.slice(1).map((s: Record<string, unknown>) => model.actionFromItf!(s["mbt::actionTaken"] as string, s["mbt::nondetPicks"] as Record<string, unknown>));
    const itfActions = doc.states.slice(1).map((s: Record<string, unknown>) => ({ name: s["mbt::actionTaken"] as string, picks: s["mbt::nondetPicks"] as Record<string, unknown> }));
    const t0 = performance.now();
    const session = await implementation.start({ variant, parameters, server: "knot" });
    starts.push(performance.now() - t0);
    const times: number[] = [];
    try {
      for (let r = 0; r < repeat; r++) {
        const t = performance.now();
        const outcome = await conform(model, states, actions, itfActions, session);
        times.push(performance.now() - t);
        if (!outcome.matched) throw new Error(`${file} diverges: the benchmark times matching runs only`);
      }
    } finally {
      await session.close();
    }
    traces.push({ trace: file, steps: actions.length, traceMs: median(times), stepMs: median(times) / (actions.length + 1) });
  }
  const cli: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [join(root, "dist/checker/cli/main.js"), "conform", relative(root, join(folder, "incident/endpoint-never-empty.itf.json"))], { cwd: root, env, encoding: "utf8" });
    cli.push(performance.now() - t);
    if (run.status !== 0) throw new Error(`dnsmc conform failed: ${run.stderr}`);
  }
  return { serverStartMs: median(starts), traces, cliMs: median(cli) };
}

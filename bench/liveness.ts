/**
 * The liveness benchmark (`npm run bench -- --liveness`): dnsmc's temporal
 * properties under weak fairness against SPIN's nested depth-first search
 * with weak fairness (`pan -a -f`) on the same model, and against dnsmc's own
 * safety check of the same configuration (issue 16's target: the temporal
 * check within 3 times the safety check, memory within 4 times). TLC is not
 * installed here; its anchor is its published method (SCCs of the behaviour
 * graph), not a measured number.
 *
 * SPIN stops at the first acceptance cycle, dnsmc explores every state before
 * it judges a temporal property: on a violated property the two times answer
 * different questions, so the table gives the verdicts beside the times.
 *
 * Beside them, dnsmc with every property at once and with none
 * (`--no-properties`), for issue 16's other target: every property within
 * 1.3 times the time of the check without properties, memory within 2 times;
 * and, to show where that time goes, `recoverable` alone (the whole graph
 * recorded and analysed, without fairness) and each temporal property alone
 * (the graph with its fairness masks), each against the check without
 * properties too.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LIVENESS_PROPERTIES, promelaLiveness, type Config, type ReferenceVariant } from "./reference-models.js";

/** One measured command: its output, wall time and peak memory (run.ts's measure). */
export type Measure = (command: string[], limitSeconds: number) => { stdout: string; seconds: number; peakRssMb: number; failed?: string };

export interface LivenessRow {
  readonly config: string;
  readonly variant: string;
  readonly property: string;
  readonly checker: string;
  readonly verdict: string;
  readonly medianSeconds: number | null;
  readonly peakRssMb: number | null;
}

/** Runs every (configuration, variant, property) on dnsmc and SPIN, `repeat` times alternating; prints and returns the rows. */
export function livenessBench(
  configs: readonly Config[],
  variants: readonly ReferenceVariant[],
  repeat: number,
  dir: string,
  cli: string,
  cores: number,
  timeout: number,
  measure: Measure,
  build: (command: string[], cwd: string) => void,
): LivenessRow[] {
  const rows: LivenessRow[] = [];
  const median = (xs: number[]) => (xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  for (const c of configs) {
    const name = `${c.enactors},${c.endpoints},${c.plans},${c.keep}`;
    const params = ["--enactors", String(c.enactors), "--endpoints", String(c.endpoints), "--plans", String(c.plans), "--keep", String(c.keep)];
    for (const variant of variants) {
      const dnsmc = (...props: string[]) => ["node", cli, "check", "--variant", variant, ...params, ...props.flatMap((p) => ["--property", p]), "--continue", "--no-write", "--json", "--workers", String(cores), "--timeout", String(timeout)];
      const runners: { property: string; checker: string; command: string[]; verdict: (stdout: string) => string }[] = [];
      const verdictOf = (p: string) => (s: string) => (JSON.parse(s) as { properties: { name: string; verdict: string }[] }).properties.find((x) => x.name === p)?.verdict ?? "?";
      runners.push({ property: NO_PROPERTIES, checker: `dnsmc (${cores} workers)`, command: [...dnsmc(), "--no-properties"], verdict: () => "-" });
      runners.push({ property: EVERY_PROPERTY, checker: `dnsmc (${cores} workers)`, command: dnsmc(), verdict: () => "-" });
      runners.push({ property: GRAPH_ALONE, checker: `dnsmc (${cores} workers)`, command: dnsmc("recoverable"), verdict: verdictOf("recoverable") });
      runners.push({ property: "(safety: the three safety properties)", checker: `dnsmc (${cores} workers)`, command: dnsmc("endpoint-never-empty", "no-regression", "stale-write-possible"), verdict: () => "-" });
      for (const property of LIVENESS_PROPERTIES) {
        runners.push({ property, checker: `dnsmc (${cores} workers)`, command: dnsmc(property), verdict: verdictOf(property) });
        const sub = join(dir, `${variant}-${name}-${property}`);
        build(["mkdir", "-p", sub], dir);
        writeFileSync(join(sub, "model.pml"), promelaLiveness(variant, c, property));
        build(["spin", "-a", "model.pml"], sub);
        // Weak fairness over the Planner and every Enactor (and init): NFAIR copies of the state space at most.
        build(["cc", "-O2", "-DNOREDUCE", "-DMEMLIM=20000", `-DNFAIR=${c.enactors + 2}`, "-o", "pan", "pan.c"], sub);
        runners.push({
          property,
          checker: "spin -a -f",
          command: ["sh", "-c", `cd ${sub} && ./pan -a -f -m1000000 -w24`],
          verdict: (s) => (/errors: 0/.test(s) ? "holds" : /errors: [1-9]/.test(s) ? "violated" : "?"),
        });
      }
      const times = runners.map(() => [] as number[]);
      const rss = runners.map(() => [] as number[]);
      const verdicts = runners.map(() => "?");
      for (let r = 0; r < repeat; r++) {
        runners.forEach((runner, i) => {
          const m = measure(runner.command, timeout);
          if (m.failed) {
            verdicts[i] = `failed: ${m.failed}`;
            return;
          }
          times[i]!.push(m.seconds);
          rss[i]!.push(m.peakRssMb);
          verdicts[i] = runner.verdict(m.stdout);
        });
      }
      runners.forEach((runner, i) => rows.push({ config: name, variant, property: runner.property, checker: runner.checker, verdict: verdicts[i]!, medianSeconds: median(times[i]!), peakRssMb: median(rss[i]!) }));
    }
  }
  console.log("config | variant | property | checker | verdict | seconds (median) | peak RSS (MB) | time / safety check");
  for (const row of rows) {
    if (row.property === NO_PROPERTIES || row.property === EVERY_PROPERTY) continue;
    const safety = rows.find((x) => x.config === row.config && x.variant === row.variant && x.property.startsWith("(safety"));
    const ratio = safety?.medianSeconds && row.medianSeconds ? (row.medianSeconds / safety.medianSeconds).toFixed(1) : "-";
    console.log(`${row.config} | ${row.variant} | ${row.property} | ${row.checker} | ${row.verdict} | ${row.medianSeconds?.toFixed(2) ?? "-"} | ${row.peakRssMb?.toFixed(0) ?? "-"} | ${ratio}`);
  }
  console.log("\nconfig | variant | dnsmc | seconds (median) | peak RSS (MB) | time, memory / no properties (issue 16: at most 1.3, 2)");
  for (const row of rows) {
    if (!row.checker.startsWith("dnsmc")) continue;
    const none = rows.find((x) => x.config === row.config && x.variant === row.variant && x.property === NO_PROPERTIES);
    const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? (a / b).toFixed(2) : "-");
    console.log(`${row.config} | ${row.variant} | ${row.property} | ${row.medianSeconds?.toFixed(2) ?? "-"} | ${row.peakRssMb?.toFixed(0) ?? "-"} | ${ratio(row.medianSeconds, none?.medianSeconds)}, ${ratio(row.peakRssMb, none?.peakRssMb)}`);
  }
  return rows;
}

/** The rows of dnsmc without properties and with every property at once. */
export const NO_PROPERTIES = "(no properties)";
export const EVERY_PROPERTY = "(every property)";
/** The row of `recoverable` alone: the whole graph recorded and analysed, without fairness. */
export const GRAPH_ALONE = "(the graph alone: recoverable)";

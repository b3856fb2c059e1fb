/**
 * `npm run bench`: dnsmc against the reference checkers, SPIN and Rumur, on
 * the same state graph (bench/reference-models.ts), run alternately in the
 * same process tree. Prints, per configuration and checker: distinct states,
 * median wall time, distinct states per second, peak RSS, and the ratio of
 * dnsmc on one worker and on every core to each; then how much faster every
 * core is than one. Writes the same as JSON to bench/results/latest.json.
 * Fails loudly when the checkers disagree on a state count (SPIN counts one
 * extra pre-initial state).
 *
 *   npm run bench -- [--config E,N,G,K ...] [--rms R ...] [--variant V ...] [--repeat R] [--timeout SECONDS] [--symmetry | --symmetric-only] [--generic] [--scaling] [--out FILE]
 *   npm run bench -- --probe [--repeat R]
 *   npm run bench -- --growth [--timeout SECONDS]
 *   npm run bench -- --phases [--config E,N,G,K] [--repeat R] [--out FILE]
 *   npm run bench -- --conform [--repeat R]
 *   npm run bench -- --liveness [--config E,N,G,K ...] [--variant V ...] [--repeat R] [--out FILE]
 *
 * --rms R adds two-phase commit with R resource managers (7 by default beside the
 * default configurations; --rms alone runs two-phase commit only): the schema
 * model (examples/two-phase-commit.mjs) on one worker and on every core, the
 * immer model (up to 8 RMs), SPIN and Rumur on bench/two-phase-commit.ts.
 * --scaling adds Rumur on one thread (on by default without --config), so that
 * a compiled checker's own speed-up from one core to all, in the same run,
 * stands beside dnsmc's.
 * --generic adds dnsmc through its generic object path (`dnsmc check --generic`),
 * to show what the packed fast path buys. --probe instead times a random-access
 * loop over 32 MB and the first write to each page of 64 MB
 * (bench/memory-probe.ts) alone and two at once, --repeat times: how fast
 * this machine's memory is at the moment, what a second core gets of it, and
 * what a fresh page costs. --growth instead prints how dnsmc's
 * distinct states and time grow with each parameter, with and without
 * symmetry (bench/results/growth.json). --phases instead runs dnsmc on one
 * worker and on every core alternately with DNSMC_DEBUG=1 and splits each run
 * into phases (bench/phases.ts): what a second thread shortens and what it
 * cannot; then two one-worker checks at once, one pinned to each core, to show
 * what each core gives while the other is busy (bench/results/phases.json).
 * --liveness instead checks the temporal properties under weak fairness with
 * dnsmc and with SPIN's `pan -a -f`, beside dnsmc's safety check of the same
 * configuration and dnsmc with every property and with none (bench/liveness.ts,
 * bench/results/latest-liveness.json).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { writeFileAtomic } from "../checker/report/files.js";
import { count } from "../checker/report/summary.js";
import { countsAgree, printedCount, type Count } from "./counts.js";
import { conformTimes } from "./conform.js";
import { livenessBench } from "./liveness.js";
import { boundariesOf, parseTimeline, phasesOf, steadyRates, type Boundaries, type Phases, type RunTimeline } from "./phases.js";
import { murphi, promela, REFERENCE_VARIANTS, type Config, type ReferenceVariant } from "./reference-models.js";
import { murphi2pc, promela2pc } from "./two-phase-commit.js";

const ROOT = resolve(fileURLToPath(import.meta.url), "..", "..", "..");
const CLI = join(ROOT, "dist", "checker", "cli", "main.js");
const CORES = availableParallelism();
const DNSMC_ONE = "dnsmc (1 worker)";
const DNSMC_ALL = `dnsmc (${CORES} workers)`;
/** The Debian package of each tool the benchmark runs. */
const PACKAGES: Record<string, string> = { spin: "spin", rumur: "rumur", cc: "gcc", "/usr/bin/time": "time" };
/** Rumur's row: on every core (its default, and the name earlier results use), or on one thread (--scaling). */
function rumurName(symmetry: boolean, threads: number): string {
  if (threads === CORES) return symmetry ? "rumur (scalarset)" : "rumur";
  return symmetry ? "rumur (scalarset, 1 thread)" : "rumur (1 thread)";
}

interface Measurement {
  readonly config: string;
  readonly variant: string;
  readonly checker: string;
  readonly symmetry: boolean;
  readonly distinctStates: number | null;
  readonly medianSeconds: number | null;
  readonly statesPerSecond: number | null;
  readonly peakRssMb: number | null;
  /** dnsmc only: the median time of the search itself, as dnsmc reports it (elapsedMs): the wall time less start-up. */
  readonly searchSeconds?: number | null;
  readonly note?: string;
}

const { values } = parseOptions({
  options: {
    config: { type: "string", multiple: true },
    variant: { type: "string", multiple: true },
    repeat: { type: "string" },
    timeout: { type: "string" },
    symmetry: { type: "boolean" },
    generic: { type: "boolean" },
    growth: { type: "boolean" },
    "symmetric-only": { type: "boolean" },
    scaling: { type: "boolean" },
    probe: { type: "boolean" },
    phases: { type: "boolean" },
    conform: { type: "boolean" },
    liveness: { type: "boolean" },
    rms: { type: "string", multiple: true },
    out: { type: "string" },
  },
});
// The DNS configurations: by default two, none when only --rms is given.
const configs: Config[] = (values.config ?? (values.rms ? [] : ["3,2,5,1", "3,3,8,1"])).map((c) => {
  const [enactors, endpoints, plans, keep] = c.split(",").map(Number);
  if ([enactors, endpoints, plans, keep].some((x) => !Number.isInteger(x))) usage(`--config takes E,N,G,K (four integers), got "${c}"`);
  return { enactors: enactors!, endpoints: endpoints!, plans: plans!, keep: keep! };
});
const variants = (values.variant ?? ["incident"]) as ReferenceVariant[];
for (const v of variants) if (!REFERENCE_VARIANTS.includes(v)) usage(`unknown variant "${v}"; the benchmark has ${REFERENCE_VARIANTS.join(", ")}`);
const repeat = positiveInteger("--repeat", values.repeat ?? "3");
// Two-phase commit's sizes (resource managers): by default 7 beside the default DNS configurations; none when only --config is given.
const rmsList = (values.rms ?? (values.config === undefined ? ["7"] : [])).map((r) => positiveInteger("--rms", r));
// The immer model is run up to this many RMs (beyond, it takes minutes: the table says so).
const IMMER_MAX_RMS = 8;
// Rumur on one thread too: on by default for the default (small) configurations, by --scaling for any other.
const scaling = values.scaling ?? values.config === undefined;
const timeout = positiveInteger("--timeout", values.timeout ?? "600");
// The verifiers' sources and binaries: removed when the benchmark ends, however it ends.
const work = mkdtempSync(join(tmpdir(), "dnsmc-bench-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));
// Every checker runs without NODE_EXTRA_CA_CERTS: a machine behind a TLS proxy sets it (this one does), and Node then
// parses that CA bundle at every start (90 ms here) for connections no checker makes. The README says what it changes.
const ENV = { ...process.env };
delete ENV.NODE_EXTRA_CA_CERTS;
if (process.env.NODE_EXTRA_CA_CERTS) console.log("(NODE_EXTRA_CA_CERTS is set here; the checkers run without it)");

if (values.growth) {
  growth();
  process.exit(process.exitCode ?? 0);
}
if (values.probe) {
  probe();
  process.exit(process.exitCode ?? 0);
}
if (values.conform) {
  const times = await conformTimes(ROOT, values.repeat ? positiveInteger("--repeat", values.repeat) : 5, ENV);
  console.log(`Knot DNS start: ${times.serverStartMs.toFixed(0)} ms (median)`);
  console.log("trace | steps | whole trace (ms) | per step (ms)");
  for (const t of times.traces) console.log(`${t.trace} | ${t.steps} | ${t.traceMs.toFixed(1)} | ${t.stepMs.toFixed(2)}`);
  console.log(`dnsmc conform counterexamples/incident/endpoint-never-empty.itf.json, end to end: ${times.cliMs.toFixed(0)} ms (median)`);
  console.log(`written: ${relative(ROOT, writeResults("conform.json", times))}`);
  process.exit(process.exitCode ?? 0);
}
if (values.liveness) {
  ensureTools(["spin", "cc", "/usr/bin/time"]);
  // By default the two configurations and one variant where the properties hold (cas) and one where they fail (incident).
  const rows = livenessBench(configs, values.variant ? variants : ["cas", "incident"], repeat, work, CLI, CORES, timeout, measure, run);
  console.log(`\nwritten: ${relative(ROOT, writeResults(values.out ?? "latest-liveness.json", { repeat, rows }))}`);
  process.exit(process.exitCode ?? 0);
}
if (values.phases) {
  ensureTools(["/usr/bin/time"]);
  phases(configs[values.config ? 0 : 1]!);
  process.exit(process.exitCode ?? 0);
}
ensureTools();
const results: Measurement[] = [];
const symmetries = values["symmetric-only"] ? [true] : values.symmetry ? [false, true] : [false];
const jobs: { name: string; variant: string; symmetry: boolean; runners: () => Runner[] }[] = [];
for (const c of configs) {
  for (const variant of variants) {
    for (const symmetry of symmetries) {
      jobs.push({ name: `${c.enactors},${c.endpoints},${c.plans},${c.keep}`, variant, symmetry, runners: () => buildRunners(variant, c, symmetry) });
    }
  }
}
for (const rms of rmsList) {
  for (const symmetry of symmetries) jobs.push({ name: `rms=${rms}`, variant: "two-phase-commit", symmetry, runners: () => twoPhaseCommitRunners(rms, symmetry) });
}
{
  {
    for (const { name, variant, symmetry, runners: build } of jobs) {
      const runners = build();
      // Alternate the checkers within each repetition, so load drifts hit all alike.
      const times = new Map<string, number[]>();
      const searches = new Map<string, number[]>();
      const rss = new Map<string, number[]>();
      const counts = new Map<string, Count | null>();
      const notes = new Map<string, string>();
      for (let r = 0; r < repeat; r++) {
        for (const runner of runners) {
          const m = measure(runner.command, timeout);
          if (m.failed) notes.set(runner.name, m.failed);
          const states = m.failed ? null : runner.parse(m.stdout);
          counts.set(runner.name, states === null ? null : { ...states, states: states.states - runner.extraStates });
          if (!m.failed) {
            append(times, runner.name, m.seconds);
            append(rss, runner.name, m.peakRssMb);
            if (runner.searchSeconds) append(searches, runner.name, runner.searchSeconds(m.stdout));
          }
        }
      }
      const known = [...counts.values()].filter((x): x is Count => x !== null);
      if (!countsAgree(known)) {
        const shown = [...counts].map(([k, v]) => `${k}=${v === null ? "none" : v.within ? `${v.states}±${v.within}` : v.states}`);
        console.error(`STATE COUNTS DISAGREE for ${variant} ${name}${symmetry ? " (symmetry)" : ""}: ${shown.join(", ")}`);
        process.exitCode = 1;
      }
      for (const runner of runners) {
        const t = median(times.get(runner.name) ?? []);
        const count = counts.get(runner.name) ?? null;
        const states = count?.states ?? null;
        const note = notes.get(runner.name) ?? (count?.within ? `count printed to 8 significant digits (±${count.within})` : undefined);
        results.push({
          config: name,
          variant,
          checker: runner.name,
          symmetry,
          distinctStates: states,
          medianSeconds: t,
          statesPerSecond: t && states ? states / t : null,
          peakRssMb: median(rss.get(runner.name) ?? []),
          ...(runner.searchSeconds ? { searchSeconds: median(searches.get(runner.name) ?? []) } : {}),
          ...(note ? { note } : {}),
        });
      }
    }
  }
}
printTable(results);
const file = writeResults(values.out ?? (values["symmetric-only"] ? "latest-symmetric.json" : "latest.json"), { repeat, results });
console.log(`\nwritten: ${relative(process.cwd(), file)}`);

interface Runner {
  readonly name: string;
  readonly command: string[];
  /** States the checker counts beyond the model's (SPIN's pre-initial state). */
  readonly extraStates: number;
  parse(stdout: string): Count | null;
  /** dnsmc only: the search's own time from its JSON output. */
  searchSeconds?(stdout: string): number;
}

/** parseArgs, with an unknown or malformed option reported as a usage error rather than a stack trace. */
function parseOptions<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    return usage((error as Error).message);
  }
}

/** A whole number of at least 1 given to `option`, or a usage error. */
function positiveInteger(option: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) usage(`${option} takes a whole number of at least 1, got "${text}"`);
  return n;
}

/** Ends the benchmark with exit code 2 and what to change, before anything is measured. */
function usage(message: string): never {
  console.error(`bench: ${message.replace(/\.$/, "")}. The options are in the comment at the top of bench/run.ts and in the README ("The benchmark").`);
  process.exit(2);
}

/** The command line of an exhaustive `dnsmc check` of one configuration: no properties, no files, JSON out, then `more`. */
function dnsmcCheck(variant: string, c: Config, ...more: string[]): string[] {
  const config = ["--enactors", String(c.enactors), "--endpoints", String(c.endpoints), "--plans", String(c.plans), "--keep", String(c.keep)];
  return ["node", CLI, "check", "--variant", variant, ...config, "--continue", "--no-properties", "--no-write", "--json", "--timeout", String(timeout), ...more];
}

function buildRunners(variant: ReferenceVariant, c: Config, symmetry: boolean): Runner[] {
  const dir = mkdtempSync(join(work, `${variant}-`));
  const runners: Runner[] = [];

  const parse = (s: string): Count | null => {
    const j = JSON.parse(s) as { distinctStates: number; complete: boolean };
    return j.complete ? { states: j.distinctStates, within: 0 } : null;
  };
  const searchSeconds = (s: string): number => (JSON.parse(s) as { elapsedMs: number }).elapsedMs / 1000;
  const flags = symmetry ? ["--symmetry"] : [];
  // One worker (one core) is what the single-core targets compare; the default uses every core.
  runners.push({ name: DNSMC_ONE, command: dnsmcCheck(variant, c, ...flags, "--workers", "1"), extraStates: 0, parse, searchSeconds });
  if (CORES > 1) runners.push({ name: DNSMC_ALL, command: dnsmcCheck(variant, c, ...flags, "--workers", String(CORES)), extraStates: 0, parse, searchSeconds });
  if (values.generic) {
    runners.push({
      name: "dnsmc (generic path)",
      command: dnsmcCheck(variant, c, ...flags, "--generic"),
      extraStates: 0,
      parse,
      searchSeconds,
    });
  }
  if (!symmetry) {
    writeFileSync(join(dir, "model.pml"), promela(variant, c));
    run(["spin", "-a", "model.pml"], dir);
    run(["cc", "-O2", "-DSAFETY", "-DNOREDUCE", "-DBFS", "-DMEMLIM=20000", "-o", "pan", "pan.c"], dir);
    runners.push({
      name: "spin",
      command: ["sh", "-c", `cd ${dir} && ./pan -E -m10000000 -w26`],
      extraStates: 1,
      // Out of memory, SPIN still prints the counts of the partial search: not a complete count. With -DMEMLIM pan says
      // "reached -DMEMLIM bound" (a failed malloc: "out of memory").
      parse: (s) => (/out of memory|reached -DMEMLIM bound/i.test(s) ? null : printedCount(s, "states, stored")),
    });
  }
  writeFileSync(join(dir, "model.m"), murphi(variant, c, symmetry));
  // Rumur on every core (its default), and with --scaling on one thread as well: a compiled checker's own speed-up from
  // one core to all, measured in the same run, shows what this machine's cores give at the time (README, "Both cores").
  for (const threads of scaling && CORES > 1 ? [CORES, 1] : [CORES]) {
    const binary = `rumur-model-${threads}`;
    run(["rumur", "--threads", String(threads), "--deadlock-detection", "off", ...(symmetry ? ["--symmetry-reduction", "exhaustive"] : []), "--output", `${binary}.c`, "model.m"], dir);
    run(["cc", "-O3", "-mcx16", "-o", binary, `${binary}.c`, "-lpthread", "-latomic"], dir);
    runners.push({
      name: rumurName(symmetry, threads),
      command: ["sh", "-c", `cd ${dir} && ./${binary}`],
      extraStates: 0,
      parse: (s) => printedCount(s, "states, \\d+ rules fired"),
    });
  }
  return runners;
}

/** The runners of two-phase commit with `rms` RMs: the schema model on one worker and on every core, the immer model, SPIN and Rumur. */
function twoPhaseCommitRunners(rms: number, symmetry: boolean): Runner[] {
  const dir = mkdtempSync(join(work, `two-phase-commit-${rms}-`));
  const parse = (s: string): Count | null => {
    const j = JSON.parse(s) as { distinctStates: number; complete: boolean };
    return j.complete ? { states: j.distinctStates, within: 0 } : null;
  };
  const searchSeconds = (s: string): number => (JSON.parse(s) as { elapsedMs: number }).elapsedMs / 1000;
  const check = (file: string, ...more: string[]) => ["node", CLI, "check", "--model", join(ROOT, "examples", file), "--rms", String(rms), "--continue", "--no-properties", "--no-write", "--json", "--timeout", String(timeout), ...(symmetry ? ["--symmetry"] : []), ...more];
  const runners: Runner[] = [{ name: DNSMC_ONE, command: check("two-phase-commit.mjs", "--workers", "1"), extraStates: 0, parse, searchSeconds }];
  if (CORES > 1) runners.push({ name: DNSMC_ALL, command: check("two-phase-commit.mjs", "--workers", String(CORES)), extraStates: 0, parse, searchSeconds });
  // The immer model has no canonical(): it runs without symmetry only.
  if (!symmetry && rms <= IMMER_MAX_RMS) runners.push({ name: "dnsmc (immer model)", command: check("two-phase-commit-immer.mjs"), extraStates: 0, parse, searchSeconds });
  if (!symmetry) {
    writeFileSync(join(dir, "model.pml"), promela2pc(rms));
    run(["spin", "-a", "model.pml"], dir);
    run(["cc", "-O2", "-DSAFETY", "-DNOREDUCE", "-DBFS", "-DMEMLIM=20000", "-o", "pan", "pan.c"], dir);
    runners.push({
      name: "spin",
      command: ["sh", "-c", `cd ${dir} && ./pan -E -m10000000 -w26`],
      // The state before the first step of init is the initial state itself here: nothing to subtract.
      extraStates: 0,
      parse: (s) => (/out of memory|reached -DMEMLIM bound/i.test(s) ? null : printedCount(s, "states, stored")),
    });
  }
  writeFileSync(join(dir, "model.m"), murphi2pc(rms, symmetry));
  for (const threads of scaling && CORES > 1 ? [CORES, 1] : [CORES]) {
    const binary = `rumur-model-${threads}`;
    run(["rumur", "--threads", String(threads), "--deadlock-detection", "off", ...(symmetry ? ["--symmetry-reduction", "exhaustive"] : []), "--output", `${binary}.c`, "model.m"], dir);
    run(["cc", "-O3", "-mcx16", "-o", binary, `${binary}.c`, "-lpthread", "-latomic"], dir);
    runners.push({ name: rumurName(symmetry, threads), command: ["sh", "-c", `cd ${dir} && ./${binary}`], extraStates: 0, parse: (s) => printedCount(s, "states, \\d+ rules fired") });
  }
  return runners;
}

function measure(command: string[], limitSeconds: number): { stdout: string; seconds: number; peakRssMb: number; failed?: string } {
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "BENCH-RSS-KB %M", ...command], { encoding: "utf8", timeout: (limitSeconds + 30) * 1000, maxBuffer: 1 << 26, env: ENV });
  const seconds = (performance.now() - started) / 1000;
  const rssKb = Number(/BENCH-RSS-KB (\d+)/.exec(r.stderr ?? "")?.[1] ?? NaN);
  const failed = r.status === 0 || (command.includes(CLI) && r.status === 1) ? undefined : `exit ${r.status ?? r.signal}: ${(r.stderr ?? "").split("\n").slice(-3).join(" ").trim()}`;
  return { stdout: r.stdout ?? "", seconds, peakRssMb: rssKb / 1024, ...(failed ? { failed } : {}) };
}

// Two ratio columns: dnsmc on one worker, and on every core, against each row (states per second).
function printTable(rows: readonly Measurement[]): void {
  // The row of `checker` in the same configuration, variant and symmetry as `r`.
  const beside = (r: Measurement, checker: string) =>
    rows.find((x) => x.config === r.config && x.variant === r.variant && x.symmetry === r.symmetry && x.checker === checker);
  const header = ["config", "variant", "checker", "distinct states", "wall s (median)", "states/s", "peak RSS MB", "1 worker ÷ this", `${CORES} workers ÷ this`];
  const lines = rows.map((r) => {
    const ratio = (name: string) => {
      const d = beside(r, name);
      return d === r ? "" : d?.statesPerSecond && r.statesPerSecond ? (d.statesPerSecond / r.statesPerSecond).toFixed(2) : "-";
    };
    return [
      r.config + (r.symmetry ? " sym" : ""),
      r.variant,
      r.checker,
      r.distinctStates === null ? `- (${r.note ?? "incomplete"})` : count(r.distinctStates),
      r.medianSeconds?.toFixed(2) ?? "-",
      r.statesPerSecond ? count(Math.round(r.statesPerSecond)) : "-",
      r.peakRssMb?.toFixed(0) ?? "-",
      ratio(DNSMC_ONE),
      ratio(DNSMC_ALL),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  for (const l of [header, ...lines]) console.log(l.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd());
  // The speed-up of every core over one, per configuration.
  for (const r of rows.filter((x) => x.checker === DNSMC_ALL)) {
    const one = beside(r, DNSMC_ONE);
    if (!one?.statesPerSecond || !r.statesPerSecond) continue;
    // Also the search alone: start-up (Node, loading the model) does not shrink with threads (starting them adds a little).
    const search = one.searchSeconds && r.searchSeconds ? ` (the search alone: ${(one.searchSeconds / r.searchSeconds).toFixed(2)} times)` : "";
    // Rumur's own speed-up from one thread to every core in the same run (--scaling): what the cores gave at the time.
    const rumurOne = beside(r, rumurName(r.symmetry, 1));
    const rumurAll = beside(r, rumurName(r.symmetry, CORES));
    const rumur =
      rumurOne?.statesPerSecond && rumurAll?.statesPerSecond ? `; Rumur on ${CORES} threads is ${(rumurAll.statesPerSecond / rumurOne.statesPerSecond).toFixed(2)} times as fast as on 1` : "";
    console.log(`${r.config}${r.symmetry ? " sym" : ""} ${r.variant}: ${CORES} workers are ${(r.statesPerSecond / one.statesPerSecond).toFixed(2)} times as fast as 1${search}${rumur}`);
  }
}

/** True if `tool` (a command, or a path) can be run here. */
function installed(tool: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
}

/** Installs from Debian the packages of whichever of `tools` are missing. */
function ensureTools(tools: readonly string[] = Object.keys(PACKAGES)): void {
  const missing = tools.filter((t) => !installed(t)).map((t) => PACKAGES[t]!);
  if (missing.length === 0) return;
  console.error(`installing ${missing.join(", ")} from Debian...`);
  const r = spawnSync("sh", ["-c", `apt-get update >/dev/null && apt-get install -y ${missing.join(" ")} >/dev/null`], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`could not install ${missing.join(", ")} (apt-get install ${missing.join(" ")}); install them and run npm run bench again`);
}

function run(command: string[], cwd: string): void {
  const r = spawnSync(command[0]!, command.slice(1), { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${command.join(" ")} failed in ${cwd}:\n${r.stdout}${r.stderr}`);
}

function append(samples: Map<string, number[]>, name: string, x: number): void {
  (samples.get(name) ?? samples.set(name, []).get(name)!).push(x);
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Writes results as JSON, atomically, with the machine they were measured on first: `name` is a file in
 * bench/results, or (--out with a path of its own) anywhere. Returns the file's path.
 */
function writeResults(name: string, data: object): string {
  const file = resolve(ROOT, "bench", "results", name);
  writeFileAtomic(file, JSON.stringify({ machine: machine(), ...data }, null, 2) + "\n");
  return file;
}

function machine(): string {
  const cpu = spawnSync("sh", ["-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: "utf8" }).stdout.trim();
  const unset = process.env.NODE_EXTRA_CA_CERTS ? " (checkers run without its NODE_EXTRA_CA_CERTS)" : "";
  return `${cpu}, ${spawnSync("nproc", { encoding: "utf8" }).stdout.trim()} cores, node ${process.version}${unset}`;
}

// How states and time grow with each parameter around the default (3,2,5,1), incident, with and without symmetry.
function growth(): void {
  const grid: Config[] = [
    ...[1, 2, 3, 4].map((enactors) => ({ enactors, endpoints: 2, plans: 5, keep: 1 })),
    ...[1, 3, 4].map((endpoints) => ({ enactors: 3, endpoints, plans: 5, keep: 1 })),
    ...[3, 4, 6, 7, 8].map((plans) => ({ enactors: 3, endpoints: 2, plans, keep: 1 })),
  ];
  const rows: Array<Record<string, unknown>> = [];
  console.log(["E,N,G,K", "distinct states", "time s", "with symmetry", "time s"].join("\t"));
  for (const c of grid) {
    const one = (symmetry: boolean) => {
      const [node, ...args] = dnsmcCheck("incident", c, ...(symmetry ? ["--symmetry"] : []));
      const r = spawnSync(node!, args, { encoding: "utf8", maxBuffer: 1 << 26, env: ENV });
      const j = JSON.parse(r.stdout) as { distinctStates: number; elapsedMs: number; complete: boolean };
      return { states: j.complete ? j.distinctStates : null, seconds: j.elapsedMs / 1000 };
    };
    const plain = one(false);
    const sym = one(true);
    const name = `${c.enactors},${c.endpoints},${c.plans},${c.keep}`;
    rows.push({ config: name, distinctStates: plain.states, seconds: plain.seconds, symmetricStates: sym.states, symmetricSeconds: sym.seconds });
    console.log([name, plain.states ?? "timeout", plain.seconds.toFixed(2), sym.states ?? "timeout", sym.seconds.toFixed(2)].join("\t"));
  }
  writeResults("growth.json", { rows });
}

// The memory probe alone, then two copies at once, --repeat times: milliseconds of each, and microseconds a fresh page.
function probe(): void {
  const script = join(ROOT, "dist", "bench", "memory-probe.js");
  const once = (copies: number): Array<{ ms: number; pageUs: number }> => {
    const r = spawnSync("sh", ["-c", Array.from({ length: copies }, () => `node ${script} &`).join(" ") + " wait"], { encoding: "utf8", env: ENV });
    return r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { ms: number; pageUs: number })
      .sort((a, b) => a.ms - b.ms);
  };
  console.log("memory probe: random access (ms), alone | two at once; first write to a fresh page (µs), alone | two at once");
  for (let r = 0; r < repeat; r++) {
    const alone = once(1);
    const two = once(2);
    console.log(`${alone.map((p) => p.ms).join(" ")} | ${two.map((p) => p.ms).join(" ")}; ${alone.map((p) => p.pageUs).join(" ")} | ${two.map((p) => p.pageUs).join(" ")}`);
  }
}

// One worker against every core, phase by phase (bench/phases.ts), then two one-worker checks at once, one on each core.
function phases(c: Config): void {
  const name = `${c.enactors},${c.endpoints},${c.plans},${c.keep}`;
  const command = (workers: number) => dnsmcCheck("incident", c, "--workers", String(workers));
  const debug = { ...ENV, DNSMC_DEBUG: "1" };
  // Wall time from here, CPU time (user and system, every thread of the process) from /usr/bin/time.
  const cpu: { one: number[]; all: number[] } = { one: [], all: [] };
  const timed = (argv: string[], into: number[]): RunTimeline => {
    const t0 = performance.now();
    const r = spawnSync("/usr/bin/time", ["-f", "BENCH-CPU %U %S", ...argv], { encoding: "utf8", maxBuffer: 1 << 26, env: debug });
    const wallMs = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${argv.join(" ")} exited with ${r.status}:\n${r.stderr}`);
    const used = /BENCH-CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
    if (used) into.push((Number(used[1]) + Number(used[2])) * 1000);
    return parseTimeline(r.stderr, wallMs);
  };
  const one: Phases[] = [];
  const all: Phases[] = [];
  const rates: Array<{ one: number; all: number[] }> = [];
  let shared: Boundaries | null = null;
  for (let r = 0; r < repeat; r++) {
    const single = timed(command(1), cpu.one);
    const several = timed(command(CORES), cpu.all);
    const b = boundariesOf(several);
    if (!b) {
      console.log(`${name}: no level was big enough to share between threads; nothing to split.`);
      return;
    }
    shared = b;
    one.push(phasesOf(single, b));
    all.push(phasesOf(several, b));
    rates.push({ one: steadyRates(single, b)[0]!, all: steadyRates(several, b) });
  }
  const keys: Array<[keyof Phases, string]> = [
    ["startUp", "start-up, to the first level"],
    ["alone", `levels 0 to ${shared!.firstShared - 1} (the main thread alone)`],
    ["joining", `levels ${shared!.firstShared} and ${shared!.firstShared + 1} (the other threads join, code not yet compiled)`],
    ["steady", `levels ${shared!.firstShared + 2} to ${shared!.lastShared} (every thread compiled)`],
    ["tail", "the last levels, reports and exit"],
  ];
  const total = (p: Phases) => p.startUp + p.alone + p.joining + p.steady + p.tail;
  const wallOne = median(one.map(total))!;
  const wallAll = median(all.map(total))!;
  const rows: Array<[string, number, number]> = [
    ...keys.map(([k, label]): [string, number, number] => [label, median(one.map((p) => p[k]))!, median(all.map((p) => p[k]))!]),
    ["whole run", wallOne, wallAll],
  ];
  console.log(`${name} incident, medians of ${repeat} runs each (ms):`);
  console.log(["phase", "1 worker", `${CORES} workers`, "ratio"].join("\t"));
  for (const [label, a, b] of rows) console.log([label, a.toFixed(0), b.toFixed(0), (a / b).toFixed(2)].join("\t"));
  const table = rows.map(([phase, a, b]) => ({ phase, oneWorkerMs: Math.round(a), allWorkersMs: Math.round(b) }));
  // Both cores busy the whole run would give this; what one worker does plus what the other threads add is the floor.
  const cpuOne = median(cpu.one)!;
  const cpuAll = median(cpu.all)!;
  console.log(
    `\nCPU time (user + system), medians: 1 worker ${cpuOne.toFixed(0)} ms, ${CORES} workers ${cpuAll.toFixed(0)} ms ` +
      `(the cores busy ${((100 * cpuAll) / (wallAll * CORES)).toFixed(0)}% of the wall time). ` +
      `With every core busy all the time, ${CORES} workers would take ${(cpuAll / CORES).toFixed(0)} ms: ${(wallOne / (cpuAll / CORES)).toFixed(2)} times one worker at most.`,
  );
  console.log(`\nsuccessors per ms in the steady levels, thread by thread (each run; the first thread of ${CORES} is the worker thread):`);
  for (const r of rates) console.log(`1 worker ${r.one.toFixed(0)} | ${CORES} workers ${r.all.map((x) => x.toFixed(0)).join(" + ")}`);
  // Two separate one-worker checks, each pinned to its own core: no shared memory, no shared code, one process per core.
  const pinned: number[][] = [];
  if (installed("taskset") && CORES >= 2) {
    console.log(`\ntwo one-worker checks at once, pinned to cores 0 and 1 (taskset), successors per ms in the same levels:`);
    for (let r = 0; r < repeat; r++) {
      const script = [0, 1].map((cpu) => `DNSMC_DEBUG=1 taskset -c ${cpu} ${command(1).join(" ")} 2>${work}/pinned-${cpu}.err >/dev/null &`).join(" ") + " wait";
      spawnSync("sh", ["-c", script], { env: ENV });
      const pair = [0, 1].map((cpu) => steadyRates(parseTimeline(readFileSync(join(work, `pinned-${cpu}.err`), "utf8"), 0), shared!)[0]!);
      pinned.push(pair);
      console.log(`core 0 ${pair[0]!.toFixed(0)} | core 1 ${pair[1]!.toFixed(0)}`);
    }
  }
  const cpuMs = { oneWorker: Math.round(cpuOne), allWorkers: Math.round(cpuAll) };
  const file = writeResults(values.out ?? "phases.json", { config: name, repeat, boundaries: shared, phases: table, cpuMs, steadyRates: rates, pinnedPairs: pinned });
  console.log(`\nwritten: ${relative(process.cwd(), file)}`);
}

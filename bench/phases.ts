/**
 * Where the time of one check goes, from the lines `DNSMC_DEBUG=1` prints
 * (parallel.ts): when the search starts, when each level ends, and each
 * thread's successors and busy time per round. `npm run bench -- --phases`
 * runs one worker and every core alternately and compares them phase by
 * phase, so that the part a second thread can shorten (the big levels) and
 * the part it cannot (start-up, the first levels, its own warm-up, exit) are
 * measured, not guessed.
 */

/** One thread's share of one level: successors generated and time busy. */
export interface ThreadShare {
  readonly successors: number;
  readonly busyMs: number;
}

/** One run, as `DNSMC_DEBUG=1` described it. */
export interface RunTimeline {
  /** Milliseconds from process start to the first level. */
  readonly startMs: number;
  /** Per level: when it ended (ms since the search started) and each thread's share (rounds of a level added up). */
  readonly levels: ReadonlyArray<{ readonly doneMs: number; readonly threads: readonly ThreadShare[] }>;
  /** Milliseconds from process start to exit, measured by the caller. */
  readonly wallMs: number;
}

/** Reads a run's timeline from its stderr; throws if the lines are not there (the check failed, or was not run with DNSMC_DEBUG=1). */
export function parseTimeline(stderr: string, wallMs: number): RunTimeline {
  const start = /level search starts at (\d+) ms since process start/.exec(stderr);
  if (!start) throw new Error(`no "level search starts" line in the check's stderr; was it run with DNSMC_DEBUG=1?\n${stderr.slice(0, 2000)}`);
  const levels: Array<{ doneMs: number; threads: ThreadShare[] }> = [];
  let pending: ThreadShare[] = [];
  for (const line of stderr.split("\n")) {
    const round = /^\s*per thread: (.*)$/.exec(line);
    if (round) {
      const shares = [...round[1]!.matchAll(/(\d+) successors in (\d+) ms/g)].map((m) => ({ successors: Number(m[1]), busyMs: Number(m[2]) }));
      // A level can take several rounds (the table grew between them): add them up thread by thread.
      pending = shares.map((s, i) => ({ successors: s.successors + (pending[i]?.successors ?? 0), busyMs: s.busyMs + (pending[i]?.busyMs ?? 0) }));
      continue;
    }
    const done = /^level (\d+) done at (\d+) ms/.exec(line);
    if (done) {
      levels[Number(done[1])] = { doneMs: Number(done[2]), threads: pending };
      pending = [];
    }
  }
  return { startMs: Number(start[1]), levels, wallMs };
}

/** The phases of a run, in milliseconds; they add up to the wall time. */
export interface Phases {
  readonly startUp: number;
  /** Levels before the first one the threads share: the main thread alone, while V8 compiles its code. */
  readonly alone: number;
  /** The first two shared levels: the other threads join with their code not yet compiled. */
  readonly joining: number;
  /** The shared levels after those: where every thread runs compiled code. */
  readonly steady: number;
  /** The levels after the last shared one, reports and exit. */
  readonly tail: number;
}

/** The level boundaries that split a run into phases: the first and last level more than one thread worked on. */
export interface Boundaries {
  readonly firstShared: number;
  readonly lastShared: number;
}

/** The boundaries of a run on several threads, or null if no level was shared. */
export function boundariesOf(run: RunTimeline): Boundaries | null {
  const shared = run.levels.flatMap((l, i) => (l && l.threads.length > 1 ? [i] : []));
  return shared.length === 0 ? null : { firstShared: shared[0]!, lastShared: shared[shared.length - 1]! };
}

/** Splits a run at the given levels (a one-worker run is split where the runs on several threads were, to compare like with like). */
export function phasesOf(run: RunTimeline, b: Boundaries): Phases {
  const end = (level: number) => (level < 0 ? 0 : (run.levels[Math.min(level, run.levels.length - 1)]?.doneMs ?? 0));
  const joinedUntil = Math.min(b.firstShared + 1, b.lastShared);
  return {
    startUp: run.startMs,
    alone: end(b.firstShared - 1),
    joining: end(joinedUntil) - end(b.firstShared - 1),
    steady: end(b.lastShared) - end(joinedUntil),
    tail: run.wallMs - run.startMs - end(b.lastShared),
  };
}

/** Each thread's successors per millisecond over the steady levels. */
export function steadyRates(run: RunTimeline, b: Boundaries): number[] {
  const from = Math.min(b.firstShared + 2, b.lastShared);
  const sums: ThreadShare[] = [];
  for (let level = from; level <= b.lastShared; level++) {
    (run.levels[level]?.threads ?? []).forEach((t, i) => {
      sums[i] = { successors: (sums[i]?.successors ?? 0) + t.successors, busyMs: (sums[i]?.busyMs ?? 0) + t.busyMs };
    });
  }
  return sums.map((s) => (s.busyMs > 0 ? s.successors / s.busyMs : 0));
}

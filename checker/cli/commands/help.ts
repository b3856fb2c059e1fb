/** `dnsmc help [COMMAND]`. */
import type { Output } from "../output.js";

const USAGE: Record<string, string> = {
  "": `dnsmc: an explicit-state model checker for DNS automation protocols

Usage:
  dnsmc check [options]   check one variant in one configuration
  dnsmc ci [options]      check the matrix of variants against expected verdicts (the CI gate)
  dnsmc diff A B [opts]   two variants side by side; A's counterexamples replayed on B
  dnsmc replay TRACE      re-execute a trace (.itf.json) on a variant, step by step
  dnsmc conform TRACE     run a trace on the real implementation and the model, comparing states
  dnsmc view TRACE        write a trace as a self-contained HTML page
  dnsmc simulate [opts]   seeded random walks over configurations too large to exhaust
  dnsmc list [--json]     the families, variants, properties and parameters of the models
  dnsmc help [COMMAND]    this text, or a command's options

Every command takes --family NAME to pick another model family of the project
(dnsmc list shows them); a variant's name, or a trace's, picks its family too.

Exit codes:
  0  every property holds (ci: every verdict as expected)
  1  a property is violated (ci: a verdict differs from its expectation)
  2  usage error, bad input, or a model that throws or is nondeterministic
  3  incomplete: a bound or time limit stopped the search before it was exhaustive`,
  check: `dnsmc check [options]

  --variant NAME       variant to check (default: the first; see dnsmc list)
  --NAME N             a model parameter, e.g. --enactors 3 (see dnsmc list)
  --property NAME      check only this property (repeatable; default: all)
  --no-properties      check no property: explore and count states only
  --continue           explore every state and decide every property,
                       instead of stopping at the first violation
  --strategy bfs|dfs   breadth-first (default; shortest traces) or depth-first
  --dfs                same as --strategy dfs
  --symmetry           one state per permutation of symmetric actors
  --max-states N       stop after N distinct states (exit 3 if then incomplete)
  --max-depth N        do not explore beyond N actions from the initial state
  --timeout SECONDS    stop after this long (exit 3 if then incomplete)
  --max-memory SIZE    stop cleanly once the process uses this much memory
                       (512M, 4G; a plain number is megabytes; exit 3)
  --workers N          threads for a breadth-first search of a packed model
                       (default: the number of cores); results and traces
                       are identical to one thread
  --generic            explore through the generic object path, not the
                       model's packed fast path (same states, slower)
  --out DIR            where to write counterexamples (default: counterexamples/)
  --no-write           write no counterexample files
  --minimize           also find the smallest configuration in which each
                       violated property still fails
  --deadlock           also report a reachable state where no action is
                       enabled, with a shortest path (the property "deadlock")
  --json               print the result object as JSON
  --family NAME        another model family of the project (default: the one
                       owning --variant, else the first; see dnsmc list)
  --model FILE         check your own model module instead of the project's
  --verbose            stack traces for internal errors`,
  ci: `dnsmc ci [options]

  --config FILE        the check matrix (default: "matrix" in package.json's "dnsmc" field)
  --out DIR            where to write counterexamples (default: counterexamples/)
  --no-write           write no counterexample files
  --junit FILE         write JUnit XML: one test case per (configuration, property)
  --conform            also run every counterexample on the implementation (dnsmc conform)
  --summary FILE       write the Markdown summary (appended to $GITHUB_STEP_SUMMARY
                       instead when that is set)
  --workers N          configurations checked in parallel (default: the number of cores)
  --family NAME        gate this family only (default: every family, in turn;
                       each other than the first writes to counterexamples/NAME/)
  --model FILE         check your own model module instead of the project's

  With GITHUB_ACTIONS=true, unexpected verdicts are also printed as ::error
  annotations on the variant's source file.`,
  diff: `dnsmc diff A B [options]

  A, B                 two variants (see dnsmc list)
  --NAME N             a model parameter, e.g. --enactors 3
  --property NAME      compare only this property (repeatable)
  --model FILE         compare variants of your own model family`,
  list: `dnsmc list [--json] [--family NAME] [--model FILE]`,
  replay: `dnsmc replay TRACE.itf.json [options]

  --variant NAME       replay on this variant (default: the one recorded in the trace)
  --NAME N             a model parameter (default: as recorded in the trace)
  --property NAME      judge this property at the end (default: as recorded)

  Exit 0: the property no longer fails at the end; 1: it still fails;
  2: the file is not a valid trace, or a step's action is not enabled.`,
  conform: `dnsmc conform TRACE.itf.json [options]
dnsmc conform --random [options]

  --variant NAME       the implementation's variant (default: the trace's)
  --server NAME        the server it runs against: knot (default) or bind
  --random             random walks of the model instead of a trace
  --runs N --seed S --depth D
                       with --random: walks (default 20), seed, actions per walk (default 30)
  --NAME N             with --random: a model parameter
  --out DIR            with --random: where a diverging walk is written (default counterexamples/)
  --json               print the result as JSON (matched, steps, firstDivergence, endpoints)

  Exit 0: the implementation matched the model at every step; 1: it diverged;
  2: bad input, or the server is not installed.`,
  simulate: `dnsmc simulate [options]

  --variant NAME       variant (default: the first)
  --NAME N             a model parameter, e.g. --enactors 5 --endpoints 4 --plans 20
  --property NAME      check only this property (repeatable)
  --seed S             the seed (default: from the clock, and printed)
  --runs N             walks (default 10000)
  --run K              start at walk K (with --runs 1: replay walk K alone)
  --depth D            actions per walk at most (default 200)
  --timeout SECONDS    stop after this long
  --out DIR            also write the shortened counterexample there
  --json               print the result as JSON

  Exit 1: a walk violated a property (shortened to a locally minimal trace);
  0: no walk did (not a proof).`,
  view: `dnsmc view TRACE.itf.json [-o FILE.html] [--variant NAME] [--NAME N]

  Writes the trace as one self-contained HTML page (default: beside the
  trace, .html for .itf.json) and prints its path.`,
};

/** Prints help; unknown topics get the general help and exit 2. */
export function helpCommand(args: readonly string[], io: Output): number {
  const topic = args[0] ?? "";
  const text = USAGE[topic];
  if (text === undefined) {
    io.err(`dnsmc: no help for "${topic}": the commands are check, ci, conform, diff, replay, view, simulate, list, help.`);
    return 2;
  }
  io.out(text);
  return 0;
}

/**
 * How a search evaluates a check's properties, in one place: the only code
 * that tells the kinds apart while states are explored. Every search (the
 * sequential one, each thread of the level search) asks the same three
 * questions of it, and a new kind is added here and in check.ts's judge:
 *
 * - which invariants a state breaks and which witnesses it reaches;
 * - which step properties a transition breaks;
 * - the predicates of the properties of the whole graph (recoverable,
 *   temporal) in a state, packed as two bits a property into a label word,
 *   which the graph analyses read after the search (graph/temporal.ts).
 */
import { needsGraph, type Property, type StepProperty } from "./property.js";

/** At most this many properties of the whole graph in one check (two label bits each in one 32-bit word). */
export const MAX_GRAPH_PROPERTIES = 16;

/** A check's properties, sorted by how a search evaluates them. */
export class Evaluation<S, A> {
  /** Indices of the invariants and witnesses, judged on each new state. */
  private readonly stateChecks: ReadonlyArray<readonly [Property<S, A>, number]>;
  /** Step properties and their indices, judged on each transition. */
  readonly steps: ReadonlyArray<readonly [StepProperty<S, A>, number]>;
  /** Indices of the properties of the whole graph, in the order of their label bits. */
  readonly graph: readonly number[];
  private readonly graphProps: readonly Property<S, A>[];
  /** Bit i: property i is an invariant or a step property, whose violation ends an early-stopping search. */
  readonly breaking: number;
  /** Whether new states are judged at all (an invariant or a witness). */
  readonly judged: boolean;
  /** The property being evaluated, for the message when one throws (the compiled functions below set it only as the exception passes). */
  current = "";
  /**
   * Which invariants `state` breaks and which witnesses it reaches, as bits
   * (property i: bit i; at most 31 properties), leaving out the properties of
   * `skip` (already found: their first finding is all a search reports).
   */
  readonly stateFindingBits: (state: S, skip: number) => number;
  /** Which step properties the transition breaks, as bits, leaving out those of `skip`: no callback per transition. */
  readonly stepFindingBits: (before: S, action: A, after: S, skip: number) => number;
  /** The bits of the invariants and witnesses, and of the step properties. */
  readonly stateBits: number;
  readonly stepBits: number;
  /**
   * The label word of `state`: for the j-th property of the whole graph, bits
   * 2j and 2j+1 (bit 0: the goal of `recoverable`, or p; bit 1: leadsTo's q).
   */
  readonly labels: (state: S) => number;

  constructor(readonly properties: readonly Property<S, A>[]) {
    this.stateChecks = properties.flatMap((p, i) => (p.kind === "always" || p.kind === "sometimes" ? [[p, i] as const] : []));
    this.steps = properties.flatMap((p, i) => (p.kind === "step" ? [[p, i] as const] : []));
    this.graph = properties.flatMap((p, i) => (needsGraph(p) ? [i] : []));
    this.graphProps = this.graph.map((i) => properties[i]!);
    this.breaking = properties.reduce((bits, p, i) => (i < 31 && (p.kind === "always" || p.kind === "step") ? bits | (1 << i) : bits), 0);
    this.judged = this.stateChecks.length > 0;
    const caught = (name: string): void => {
      this.current = name;
    };
    this.stateBits = this.stateChecks.reduce((m, [, i]) => m | (1 << i), 0);
    this.stepBits = this.steps.reduce((m, [, i]) => m | (1 << i), 0);
    this.stateFindingBits = compile(
      "s, skip",
      this.stateChecks.map(([p, i]) => `if ((skip & ${(1 << i) | 0}) === 0 && ${p.kind === "always" ? "!P.holds(s)" : "P.reached(s)"}) bits |= ${(1 << i) | 0};`),
      this.stateChecks.map(([p]) => p),
      caught,
    );
    this.stepFindingBits = compile(
      "b, a, t, skip",
      this.steps.map(([, i]) => `if ((skip & ${(1 << i) | 0}) === 0 && !P.holds(b, a, t)) bits |= ${(1 << i) | 0};`),
      this.steps.map(([p]) => p),
      caught,
    );
    this.labels = compile(
      "s",
      this.graphProps.map((p, j) => {
        const value = p.kind === "recoverable" ? "(P.goal(s) ? 1 : 0)" : p.kind === "eventually" ? "(P.reached(s) ? 1 : 0)" : p.kind === "convergesTo" ? "(P.stable(s) ? 1 : 0)" : "((P.when(s) ? 1 : 0) | (P.then(s) ? 2 : 0))";
        return `bits |= ${value} << ${2 * j};`;
      }),
      this.graphProps,
      caught,
    );
    if (this.graph.length > MAX_GRAPH_PROPERTIES) throw new RangeError(`At most ${MAX_GRAPH_PROPERTIES} properties of the whole graph (recoverable, temporal) per check; got ${this.graph.length}.`);
  }

  /** Calls `found(i)` for each invariant `state` breaks and each witness it reaches, skipping those `done(i)`. */
  stateFindings(state: S, done: (i: number) => boolean, found: (i: number) => void): void {
    const checks = this.stateChecks;
    for (let k = 0; k < checks.length; k++) {
      const [p, i] = checks[k]!;
      if (done(i)) continue;
      this.current = p.name;
      if (p.kind === "always" ? !p.holds(state) : p.kind === "sometimes" && p.reached(state)) found(i);
    }
  }

  /** Calls `found(i)` for each step property the transition breaks, skipping those `done(i)`. */
  stepFindings(before: S, action: A, after: S, done: (i: number) => boolean, found: (i: number) => void): void {
    const steps = this.steps;
    for (let k = 0; k < steps.length; k++) {
      const [p, i] = steps[k]!;
      if (done(i)) continue;
      this.current = p.name;
      if (!p.holds(before, action, after)) found(i);
    }
  }

  /** Per property of the whole graph (by property index), where its two bits are in the states' label words. */
  labelArrays(words: Uint32Array): Map<number, { readonly words: Uint32Array; readonly shift: number }> {
    return new Map(this.graph.map((i, j) => [i, { words, shift: 2 * j }]));
  }
}

/**
 * A function of the searches' hot loops, generated: each property's
 * predicate is called at a call site of its own, which sees one function
 * and can inline it, where a loop over the properties would call them all
 * from one site. Each of `lines` reads its property as `P` and adds to
 * `bits`; `caught` is told the name of a property that throws.
 */
function compile<F>(params: string, lines: readonly string[], props: readonly Property<any, any>[], caught: (name: string) => void): F {
  const body = lines.map((line, k) => `k = ${k}; ${line.replaceAll("P.", `P${k}.`)}`).join("\n");
  const source =
    props.map((_, k) => `const P${k} = props[${k}];`).join("\n") +
    `\nreturn function (${params}) {\nlet k = 0;\ntry {\nlet bits = 0;\n${body}\nreturn bits;\n} catch (e) {\ncaught(props[k].name);\nthrow e;\n}\n};`;
  return new Function("props", "caught", source)(props, caught) as F;
}

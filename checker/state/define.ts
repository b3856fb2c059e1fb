/**
 * `defineModel`: a model from a state schema and action families. Each family
 * is declared once, with its parameters (index ranges), a guard and an
 * effect; `actions`, `next`, the packed fast path, symmetry reduction, the
 * action names and picks of ITF traces and the plain, view and ITF forms of
 * states all come from that one declaration.
 *
 * The fast path's two functions are generated: one `if (guard(s, i))` per
 * action of the alphabet and one `case` per family, so that every call site
 * calls one function and V8 inlines the model's guards and effects into them,
 * as it would inline a hand-written switch.
 */
import { fingerprintWords } from "../fingerprint.js";
import type { Fairness } from "../fairness.js";
import type { Model, PackedOps } from "../model.js";
import { declareState, type StateType } from "./declare.js";
import type { Fields, Handle, IndexRange } from "./schema.js";

/** The indices an action family's guard and effect receive, one per parameter. */
export type Indices<P extends readonly IndexRange[]> = { [K in keyof P]: number };

/** One action family: `RMPrepare(r)` for every `r` of its range, enabled where `when` holds. */
export interface ActionFamily<H, P extends readonly IndexRange[] = readonly IndexRange[], A = FamilyAction> {
  /** The ranges of its parameters (none: one action). */
  readonly params?: P;
  /** Names of the parameters in ITF's `mbt::nondetPicks` (default: the ranges' names in lower case). */
  readonly names?: { readonly [K in keyof P]: string };
  /** Whether the action is enabled in `s`. Reads `s` only. */
  when(s: H, ...args: Indices<P>): boolean;
  /** Writes the successor into `next`, which holds a copy of `s` on entry. */
  then(s: H, next: H, ...args: Indices<P>): void;
  /** Builds the action object (default `{ name, args }`), for models with their own action type. */
  make?(...args: Indices<P>): A;
  /**
   * Fairness for temporal properties (fairness.ts): each action of the
   * family, one per parameter tuple, is weakly (TLA+'s WF) or strongly (SF)
   * fair on its own, as `\A e: WF(Apply(e))`. For a set spanning families
   * (all of one Enactor's actions), declare it in the model's `fairness`.
   */
  readonly fairness?: "weak" | "strong";
}

/** An action of a family, as the default `make` builds it. */
export interface FamilyAction {
  readonly name: string;
  readonly args: readonly number[];
}

/** What `defineModel` takes. */
export interface ModelDeclaration<F extends Fields, A> {
  readonly name: string;
  /** The state's fields. */
  readonly state: F;
  /** Sets up the initial state on a fresh one (zeroed: see StateType.create); several for several initial states. */
  readonly init?: ((s: Handle<F>) => void) | ReadonlyArray<(s: Handle<F>) => void>;
  /** The action families, in the order their actions are listed. */
  readonly actions: { readonly [family: string]: ActionFamily<Handle<F>, any, A> };
  /**
   * The order of the enabled actions: `families` (default) lists each
   * family's actions together, in declaration order; `parameters` lists the
   * parameterless families first, then per index the actions of every family
   * with that index (the Planner, then Enactor A's actions, then B's, ...).
   * The order decides which shortest trace a breadth-first search meets first.
   */
  readonly order?: "families" | "parameters";
  /**
   * Fairness constraints over sets of actions (`weakFairness("Enactor A",
   * (a) => ...)`), after those the families declare.
   */
  readonly fairness?: readonly Fairness<A>[];
}

/** A model built by `defineModel`: a {@link Model} over handles, with its state type. */
export type SchemaModel<F extends Fields, A = FamilyAction> = Model<Handle<F>, A> & {
  readonly packed: PackedOps<Handle<F>, A>;
  readonly state: StateType<F>;
  /** Every action, in the order of the search (see ModelDeclaration.order). */
  readonly alphabet: readonly A[];
};

// The family and parameters of an action object, hidden from JSON and equality.
const FAMILY = Symbol("family");
const ARG0 = Symbol("arg0");
const ARG1 = Symbol("arg1");
const ARG2 = Symbol("arg2");
type Tagged = { [FAMILY]: number; [ARG0]: number; [ARG1]: number; [ARG2]: number };
const MAX_PARAMS = 3;

/** Declares a model from its state schema and action families. */
export function defineModel<const F extends Fields, A = FamilyAction>(decl: ModelDeclaration<F, A>): SchemaModel<F, A> {
  const state = declareState(decl.state);
  const families = Object.entries(decl.actions).map(([name, f], id) => {
    const params: readonly IndexRange[] = f.params ?? [];
    if (params.length > MAX_PARAMS) throw new RangeError(`action ${name}: at most ${MAX_PARAMS} parameters; got ${params.length}.`);
    const names = f.names ?? uniqueNames(params);
    return { id, name, family: f, params, names };
  });
  // The alphabet: every family's actions, each a frozen object tagged with its family and indices.
  type Entry = { readonly family: (typeof families)[number]; readonly args: readonly number[]; readonly action: A };
  const entries: Entry[] = [];
  for (const fam of families) {
    for (const args of tuples(fam.params)) {
      const made = fam.family.make ? (fam.family.make as (...a: number[]) => A)(...args) : ({ name: fam.name, args: Object.freeze([...args]) } as A);
      const action = { ...(made as object) } as A & Tagged;
      for (const [k, v] of [[FAMILY, fam.id], [ARG0, args[0] ?? 0], [ARG1, args[1] ?? 0], [ARG2, args[2] ?? 0]] as const) Object.defineProperty(action, k, { value: v });
      entries.push({ family: fam, args, action: Object.freeze(action) });
    }
  }
  if (decl.order === "parameters") entries.sort((a, b) => compareTuples(a.args, b.args) || a.family.id - b.family.id);
  const alphabet = entries.map((e) => e.action);
  const actionsInto = generateActionsInto(alphabet, families, decl.order ?? "families");
  const nextInto = generateNextInto(families);
  const inits = decl.init === undefined ? [() => {}] : typeof decl.init === "function" ? [decl.init] : decl.init;
  const canon = state.canonicalizeInPlace;
  const tag = (a: A): Tagged => a as unknown as Tagged;
  const familyOf = (a: A) => families[tag(a)[FAMILY]]!;
  const argsOf = (a: A): number[] => [tag(a)[ARG0], tag(a)[ARG1], tag(a)[ARG2]].slice(0, familyOf(a).params.length);
  const byKey = new Map(entries.map((e) => [`${e.family.name}(${e.args.join(",")})`, e.action]));
  const packed: PackedOps<Handle<F>, A> = {
    words: state.words,
    wordsOf: (s) => s.w,
    wrap: state.wrap,
    actionsInto,
    nextInto,
    ...(canon ? { canonicalizeInPlace: (s: Handle<F>) => void canon(s) } : {}),
  };
  const describe = (a: A): string => {
    const f = familyOf(a);
    const args = argsOf(a);
    return args.length === 0 ? f.name : `${f.name}(${args.map((x, i) => f.params[i]!.label(x)).join(", ")})`;
  };
  // One constraint per action of each fair family, in the order of the search, then the declared ones.
  const fairness: Fairness<A>[] = [
    ...entries
      .filter((e) => e.family.family.fairness !== undefined)
      .map((e): Fairness<A> => Object.freeze({ name: describe(e.action), kind: e.family.family.fairness!, includes: (a: A) => a === e.action })),
    ...(decl.fairness ?? []),
  ];
  return {
    name: decl.name,
    state,
    alphabet,
    ...(fairness.length > 0 ? { fairness } : {}),
    packed,
    initStates: () =>
      inits.map((init) => {
        const s = state.create();
        init(s);
        return s;
      }),
    actions: (s) => {
      const out: A[] = [];
      out.length = actionsInto(s, out);
      return out;
    },
    next: (s, a) => {
      if (typeof a !== "object" || a === null || !(FAMILY in a)) throw new TypeError(`${JSON.stringify(a)} is not an action of ${decl.name}.`);
      const t = state.copy(s);
      nextInto(s, a, t);
      return t;
    },
    fingerprintInto: (s, out) => fingerprintWords(s.w, out),
    key: (s) => s.w.join(","),
    ...(canon
      ? {
          canonical: (s: Handle<F>) => {
            const t = state.copy(s);
            return canon(t) ? t : s;
          },
        }
      : {}),
    describe,
    actionName: (a) => familyOf(a).name,
    actionPicks: (a) => Object.fromEntries(argsOf(a).map((x, i) => [familyOf(a).names[i]!, x])),
    actionFromItf: (name, picks) => {
      const f = families.find((x) => x.name === name);
      if (!f) throw new RangeError(`${decl.name} has no action "${name}"; its actions are ${families.map((x) => x.name).join(", ")}.`);
      const args = f.names.map((n, i) => {
        const v = unwrap(picks[n]);
        if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= f.params[i]!.size) throw new RangeError(`action ${name}: pick "${n}" should be a ${f.params[i]!.name} index from 0 to ${f.params[i]!.size - 1}; got ${JSON.stringify(picks[n])}.`);
        return v as number;
      });
      return byKey.get(`${name}(${args.join(",")})`)!;
    },
    view: state.view,
    itf: state.itf,
    fromItf: state.fromItf,
  };
}

type Fam = { readonly id: number; readonly name: string; readonly family: ActionFamily<any, any, any>; readonly params: readonly IndexRange[] };

/**
 * The enabled-actions function: a loop over each family's indices, with the
 * family's guard called at one call site. For the `parameters` order, the
 * families over the same ranges share one loop (guards in declaration order
 * inside it). Any other mix falls back to a loop over the alphabet.
 */
function generateActionsInto<A>(alphabet: readonly A[], families: readonly Fam[], order: "families" | "parameters"): (s: unknown, out: A[]) => number {
  const guards = families.map((f) => f.family.when);
  const loops = (fams: readonly Fam[], base: number): string => {
    const params = fams[0]!.params;
    const vars = params.map((_, d) => `i${d}`);
    // The alphabet position of the first family's action at (i0, i1, ...), with the families interleaved.
    let index = "0";
    for (let d = 0; d < params.length; d++) index = `(${index}) * ${params[d]!.size} + i${d}`;
    const body = fams.map((f, k) => `if (g${f.id}(s${vars.map((v) => `, ${v}`).join("")})) out[n++] = A[${base} + (${index}) * ${fams.length} + ${k}];`).join("\n");
    return params.reduceRight((inner, r, d) => `for (let i${d} = 0; i${d} < ${r.size}; i${d}++) {\n${inner}\n}`, body);
  };
  const groups: Fam[][] = [];
  if (order === "families") for (const f of families) groups.push([f]);
  else {
    for (const f of families.filter((x) => x.params.length === 0)) groups.push([f]);
    const rest = families.filter((x) => x.params.length > 0);
    if (rest.length > 0) groups.push(rest);
  }
  const sameRanges = groups.every((g) => g.every((f) => f.params.length === g[0]!.params.length && f.params.every((r, d) => r === g[0]!.params[d])));
  let body: string;
  if (sameRanges) {
    let base = 0;
    body = groups
      .map((g) => {
        const code = loops(g, base);
        base += g.length * g[0]!.params.reduce((m, r) => m * r.size, 1);
        return code;
      })
      .join("\n");
  } else {
    body = `for (let k = 0; k < A.length; k++) { const a = A[k]; if (G[a[F]](s, a[X0], a[X1], a[X2])) out[n++] = a; }`;
  }
  const make = new Function(...families.map((f) => `g${f.id}`), "A", "G", "F", "X0", "X1", "X2", `return function actionsInto(s, out) {\nlet n = 0;\n${body}\nreturn n;\n};`);
  return make(...guards, alphabet, guards, FAMILY, ARG0, ARG1, ARG2) as (s: unknown, out: A[]) => number;
}

function generateNextInto<A>(families: readonly Fam[]): (s: unknown, a: A, t: unknown) => void {
  const cases = families.map((f) => `case ${f.id}: t${f.id}(s, t${["a[X0]", "a[X1]", "a[X2]"].slice(0, f.params.length).map((x) => `, ${x}`).join("")}); return;`).join("\n");
  const make = new Function(
    ...families.map((f) => `t${f.id}`),
    "F",
    "X0",
    "X1",
    "X2",
    `return function nextInto(s, a, t) {\nswitch (a[F]) {\n${cases}\ndefault: throw new TypeError("not an action of this model: " + JSON.stringify(a));\n}\n};`,
  );
  return make(...families.map((f) => f.family.then), FAMILY, ARG0, ARG1, ARG2) as (s: unknown, a: A, t: unknown) => void;
}

function* tuples(params: readonly IndexRange[]): Generator<number[]> {
  if (params.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = params;
  for (let i = 0; i < first!.size; i++) for (const t of tuples(rest)) yield [i, ...t];
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function uniqueNames(params: readonly IndexRange[]): string[] {
  return params.map((p, i) => {
    const base = p.name.toLowerCase();
    const same = params.filter((q) => q.name === p.name).length;
    return same > 1 ? `${base}${params.slice(0, i + 1).filter((q) => q.name === p.name).length}` : base;
  });
}

function unwrap(v: unknown): unknown {
  const o = v as { tag?: unknown; value?: unknown; "#bigint"?: unknown } | null;
  if (typeof o === "object" && o !== null && o.tag === "Some") return unwrap(o.value);
  if (typeof o === "object" && o !== null && "#bigint" in o) return Number(o["#bigint"]);
  return v;
}

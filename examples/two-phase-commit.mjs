// Two-phase commit, the classic TLA+ example (Lamport's TwoPhase.tla), as a
// dnsmc model declared with the state schema: a transaction manager (TM) and
// `rms` resource managers (RMs), messages as a set that only grows.
//
//   npx dnsmc check --model examples/two-phase-commit.mjs --rms 9 --continue
//
// The schema packs a state into a few 32-bit words and gives the typed handle
// the actions read (`s.rmState.get(r)`, `s.tmPrepared.has(r)`); each action
// family is declared once, with its parameters, a guard and an effect.
import { always, bool, defineFamily, defineModel, enumeration, map, range, record, set, sometimes } from "dnsmc";

/** The model with `rms` resource managers. */
export function twoPhaseCommit(rms) {
  // The RMs are interchangeable: --symmetry keeps one state per permutation of them.
  const RM = range("RM", rms, { symmetric: true, label: (r) => `rm${r + 1}` });
  return defineModel({
    name: `two-phase-commit,rms=${rms}`,
    state: {
      rmState: map(RM, enumeration("working", "prepared", "committed", "aborted")),
      tmState: enumeration("init", "committed", "aborted"),
      tmPrepared: set(RM),
      // The messages ever sent: Prepared(r) for each r, Commit, Abort.
      msgs: record({ prepared: set(RM), commit: bool(), abort: bool() }),
    },
    // A fresh state is the initial one: every RM working, the TM in init, no message.
    actions: {
      TMRcvPrepared: {
        params: [RM],
        when: (s, r) => s.tmState === "init" && s.msgs.prepared.has(r),
        then: (s, next, r) => next.tmPrepared.add(r),
      },
      TMCommit: {
        when: (s) => s.tmState === "init" && s.tmPrepared.size === rms,
        then: (s, next) => {
          next.tmState = "committed";
          next.msgs.commit = true;
        },
      },
      TMAbort: {
        when: (s) => s.tmState === "init",
        then: (s, next) => {
          next.tmState = "aborted";
          next.msgs.abort = true;
        },
      },
      RMPrepare: {
        params: [RM],
        when: (s, r) => s.rmState.get(r) === "working",
        then: (s, next, r) => {
          next.rmState.set(r, "prepared");
          next.msgs.prepared.add(r);
        },
      },
      RMChooseToAbort: {
        params: [RM],
        when: (s, r) => s.rmState.get(r) === "working",
        then: (s, next, r) => next.rmState.set(r, "aborted"),
      },
      RMRcvCommitMsg: {
        params: [RM],
        when: (s) => s.msgs.commit,
        then: (s, next, r) => next.rmState.set(r, "committed"),
      },
      RMRcvAbortMsg: {
        params: [RM],
        when: (s) => s.msgs.abort,
        then: (s, next, r) => next.rmState.set(r, "aborted"),
      },
    },
  });
}

/** Whether some RM is in `state`. */
function some(s, state) {
  for (let r = 0; r < s.rmState.length; r++) if (s.rmState.get(r) === state) return true;
  return false;
}

export default defineFamily({
  // Worker threads rebuild the model from this module: every core works on one check.
  module: import.meta.url,
  name: "two-phase-commit",
  description: "two-phase commit (TLA+'s TwoPhase): a transaction manager and resource managers",
  parameters: [{ name: "rms", description: "resource managers", default: 3, min: 1, max: 14 }],
  variants: [{ name: "two-phase-commit", description: "the protocol as TwoPhase.tla states it" }],
  create: (_variant, { rms }) => twoPhaseCommit(rms),
  properties: [
    always("consistent", (s) => !(some(s, "committed") && some(s, "aborted")), {
      description: "no RM has committed while another has aborted (TCConsistent)",
    }),
    sometimes("all-committed", (s) => !some(s, "working") && !some(s, "prepared") && !some(s, "aborted"), {
      description: "witness: every RM commits",
    }),
  ],
});

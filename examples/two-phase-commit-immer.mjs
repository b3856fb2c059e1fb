// Two-phase commit (TLA+'s TwoPhase.tla) as a plain-object model: states are
// plain objects, and immer's `produce` makes each successor. The same
// protocol as two-phase-commit.mjs, written without the state schema: the way
// to start when a state does not fit a schema yet (strings, unbounded lists,
// nested maps), or when you prototype. It explores the same states, more
// slowly: see "Checking your own model" in the README.
//
//   npx dnsmc check --model examples/two-phase-commit-immer.mjs --rms 7 --continue
import { produce } from "immer";
import { always, sometimes } from "dnsmc";

/** The model with `rms` resource managers, numbered 0..rms-1. */
export function twoPhaseCommit(rms) {
  const RM = Array.from({ length: rms }, (_, r) => r);
  return {
    name: `two-phase-commit-immer,rms=${rms}`,
    initStates: () => [
      {
        rmState: RM.map(() => "working"),
        tmState: "init",
        // Sets as ascending lists of RM numbers, so that equal sets are equal values.
        tmPrepared: [],
        msgs: { prepared: [], commit: false, abort: false },
      },
    ],
    actions: (s) => {
      const out = [];
      for (const r of RM) if (s.tmState === "init" && s.msgs.prepared.includes(r)) out.push({ kind: "TMRcvPrepared", rm: r });
      if (s.tmState === "init" && s.tmPrepared.length === rms) out.push({ kind: "TMCommit" });
      if (s.tmState === "init") out.push({ kind: "TMAbort" });
      for (const r of RM) if (s.rmState[r] === "working") out.push({ kind: "RMPrepare", rm: r });
      for (const r of RM) if (s.rmState[r] === "working") out.push({ kind: "RMChooseToAbort", rm: r });
      for (const r of RM) if (s.msgs.commit) out.push({ kind: "RMRcvCommitMsg", rm: r });
      for (const r of RM) if (s.msgs.abort) out.push({ kind: "RMRcvAbortMsg", rm: r });
      return out;
    },
    next: (s, a) =>
      produce(s, (t) => {
        switch (a.kind) {
          case "TMRcvPrepared":
            t.tmPrepared = insert(s.tmPrepared, a.rm);
            break;
          case "TMCommit":
            t.tmState = "committed";
            t.msgs.commit = true;
            break;
          case "TMAbort":
            t.tmState = "aborted";
            t.msgs.abort = true;
            break;
          case "RMPrepare":
            t.rmState[a.rm] = "prepared";
            t.msgs.prepared = insert(s.msgs.prepared, a.rm);
            break;
          case "RMChooseToAbort":
          case "RMRcvAbortMsg":
            t.rmState[a.rm] = "aborted";
            break;
          case "RMRcvCommitMsg":
            t.rmState[a.rm] = "committed";
            break;
        }
      }),
    describe: (a) => (a.rm === undefined ? a.kind : `${a.kind}(rm${a.rm + 1})`),
  };
}

// The set with r added, still ascending (the same list when r is in it already).
const insert = (set, r) => (set.includes(r) ? set : [...set, r].sort((x, y) => x - y));

export default {
  name: "two-phase-commit-immer",
  description: "two-phase commit (TLA+'s TwoPhase) as plain objects and immer",
  parameters: [{ name: "rms", description: "resource managers", default: 3, min: 1, max: 14 }],
  variants: [{ name: "two-phase-commit-immer", description: "the protocol as TwoPhase.tla states it" }],
  create: (_variant, { rms }) => twoPhaseCommit(rms),
  properties: [
    always("consistent", (s) => !(s.rmState.includes("committed") && s.rmState.includes("aborted")), {
      description: "no RM has committed while another has aborted (TCConsistent)",
    }),
    sometimes("all-committed", (s) => s.rmState.every((x) => x === "committed"), {
      description: "witness: every RM commits",
    }),
  ],
};

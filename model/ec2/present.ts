/** How propagation states and steps read in reports: the queue in order, and a sequence diagram. */
import type { Diagram, StateView } from "../../checker/model.js";
import type { FamilyAction } from "../../checker/state/index.js";
import type { History } from "../../checker/property.js";
import { launchName, liveItem, type Ec2State } from "./state.js";

/** A state as rows: each launch, then the queue head first (stale items marked), against its bound. */
export function view(s: Ec2State): StateView {
  const rows: [string, string][] = [];
  for (let l = 0; l < s.launch.length; l++) rows.push([launchName(l), s.launch.get(l) === "done" ? "done: has its network state" : liveItem(s, l) >= 0 ? "waiting, queued" : "waiting, caller will submit"]);
  const items = Array.from({ length: s.length }, (_, i) => s.queue.at(i)).map((it) => `${launchName(it.launch)}${it.stale ? " (stale)" : ""}`);
  rows.push(["queue (head first)", items.length === 0 ? "empty" : items.join(", ")]);
  rows.push(["queue length", `${s.length} (bound ${s.bound})`]);
  return rows;
}

/** The diagram: callers submit to the queue, a worker takes its head. */
export function diagram(): Diagram<Ec2State, FamilyAction> {
  return {
    participants: () => [
      { id: "callers", label: "Callers" },
      { id: "queue", label: "Propagation queue" },
      { id: "worker", label: "Worker" },
    ],
    messages: (before, a, after) => {
      switch (a.name) {
        case "Submit":
          return [{ from: "callers", to: "queue", text: `${launchName(a.args[0]!)} admitted (length ${after.length})` }];
        case "Timeout":
          return [{ from: "callers", to: "callers", text: `${launchName(a.args[0]!)} times out (${liveItem(before, a.args[0]!)} ahead): its item is stale`, kind: "note" as const }];
        default: {
          const head = before.queue.at(0);
          return head.stale
            ? [{ from: "queue", to: "worker", text: `stale ${launchName(head.launch)}: wasted work` }]
            : [
                { from: "queue", to: "worker", text: launchName(head.launch) },
                { from: "worker", to: "callers", text: `${launchName(head.launch)} done` },
              ];
        }
      }
    },
  };
}

/**
 * Causal notes: each retry submitted while its own stale copy is still
 * queued ahead of it (the work the queue will do for nothing), with the step
 * where its caller gave up.
 */
export function annotate(h: History<Ec2State, FamilyAction>): Array<{ step: number; text: string }> {
  const notes: Array<{ step: number; text: string }> = [];
  const gaveUp = new Map<number, number>();
  for (let j = 1; j < h.states.length; j++) {
    const a = h.actions[j];
    if (!a) continue;
    const l = a.args[0] ?? 0;
    if (a.name === "Timeout") gaveUp.set(l, j);
    if (a.name !== "Submit") continue;
    const before = h.states[j - 1]!;
    let stale = 0;
    for (let i = 0; i < before.length; i++) if (before.queue.at(i).launch === l && before.queue.at(i).stale) stale++;
    if (stale === 0) continue;
    notes.push({
      step: j,
      text: `The retry re-fills the queue: ${launchName(l)}'s caller gave up at step ${gaveUp.get(l)}, but ${stale === 1 ? "its stale item is" : `${stale} stale items of it are`} still queued ahead, and a worker will propagate ${stale === 1 ? "it" : "them"} for nothing.`,
    });
  }
  return notes;
}

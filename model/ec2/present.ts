/** How propagation states and steps read in reports: the queue in order, and a sequence diagram. */
import type { Diagram, StateView } from "../../checker/model.js";
import type { FamilyAction } from "../../checker/state/index.js";
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

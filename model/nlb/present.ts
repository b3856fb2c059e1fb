/** How NLB failover states and steps read in reports: per AZ in words, and as a sequence diagram. */
import type { Diagram, StateView } from "../../checker/model.js";
import type { FamilyAction } from "../../checker/state/index.js";
import type { History } from "../../checker/property.js";
import { azName, inService, type NlbState } from "./state.js";

/** A state as rows: each AZ's health and place in DNS, the capacity, what is still to come. */
export function view(s: NlbState, windows: boolean): StateView {
  const rows: [string, string][] = [];
  for (let i = 0; i < s.az.length; i++) {
    const az = s.az.at(i);
    const health = az.down ? "really down" : az.failing ? "healthy, checks failing" : "healthy";
    rows.push([azName(i), `${az.inService ? "in DNS" : "removed"}, ${health}`]);
  }
  rows.push(["capacity", `${inService(s)} of ${s.az.length} AZs in service (floor ${s.floor})`]);
  rows.push(["still to come", `${s.failuresLeft} real failure${s.failuresLeft === 1 ? "" : "s"}, ${s.transientsLeft} transient check failure${s.transientsLeft === 1 ? "" : "s"}`]);
  if (windows) rows.push(["this window", s.budget > 0 ? "one removal allowed" : "removal used"]);
  return rows;
}

/** The diagram: the AZs' health checks reach the failover logic, which edits DNS. */
export function diagram(azs: number): Diagram<NlbState, FamilyAction> {
  const az = (i: number) => `az${i}`;
  return {
    participants: () => [...Array.from({ length: azs }, (_, i) => ({ id: az(i), label: azName(i) })), { id: "failover", label: "Failover" }, { id: "dns", label: "DNS" }],
    messages: (before, a, after) => {
      const i = a.args[0] ?? 0;
      const capacity = `${inService(after)} of ${azs} in service`;
      switch (a.name) {
        case "Fail":
          return [{ from: az(i), to: "failover", text: "checks fail: really down" }];
        case "Flap":
          return [{ from: az(i), to: "failover", text: "checks fail: network state late" }];
        case "Propagate":
          return [{ from: az(i), to: "failover", text: "checks pass" }];
        case "Remove":
          return [{ from: "failover", to: "dns", text: `remove ${azName(i)} (${before.az.at(i).down ? "down" : "healthy"}): ${capacity}` }];
        case "Restore":
          return [{ from: "failover", to: "dns", text: `add ${azName(i)} back: ${capacity}` }];
        default:
          return [{ from: "failover", to: "failover", text: "new window: one removal allowed", kind: "note" as const }];
      }
    },
  };
}

/**
 * Causal notes: each healthy AZ that failover removed, at the step that
 * removed it, with the transient check failure that made it look down; and
 * the step that took the NLB below its floor.
 */
export function annotate(h: History<NlbState, FamilyAction>): Array<{ step: number; text: string }> {
  const notes: Array<{ step: number; text: string }> = [];
  const flapped = new Map<number, number>();
  for (let j = 1; j < h.states.length; j++) {
    const a = h.actions[j];
    if (!a) continue;
    const i = a.args[0] ?? 0;
    if (a.name === "Flap") flapped.set(i, j);
    if (a.name !== "Remove") continue;
    const before = h.states[j - 1]!;
    const after = h.states[j]!;
    if (!before.az.at(i).down) {
      const k = flapped.get(i);
      notes.push({ step: j, text: `${azName(i)} is healthy: its checks fail only because its new instances' network state has not propagated${k === undefined ? "" : ` (step ${k})`}, and failover removes it all the same.` });
    }
    if (inService(after) < after.floor && inService(before) >= before.floor) notes.push({ step: j, text: `Below the floor: ${inService(after)} of ${after.az.length} AZs in service, fewer than ${after.floor}.` });
  }
  return notes;
}

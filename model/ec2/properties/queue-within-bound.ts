import { always } from "../../../checker/property.js";
import { staleItems, type Ec2State } from "../state.js";

/** The propagation queue never holds more than its bound: the backlog stays short enough to be worked before callers give up. */
export default always<Ec2State>("queue-within-bound", (s) => s.length <= s.bound, {
  description: "the propagation queue never holds more than `bound` items",
  explain: (s) => `The queue holds ${s.length} items, over its bound of ${s.bound}${staleItems(s) > 0 ? `; ${staleItems(s)} of them stale` : ""}.`,
});

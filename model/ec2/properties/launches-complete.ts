import { eventually } from "../../../checker/property.js";
import { allDone, launchName, type Ec2State } from "../state.js";

/**
 * Every launch eventually gets its network state, as long as the callers keep
 * submitting and the workers keep working (weak fairness). Without
 * throttling, retries of timed-out work can keep the queue full of stale
 * items so that a launch never completes: congestive collapse.
 */
export default eventually<Ec2State>("launches-complete", allDone, {
  description: "every launch eventually gets its network state (callers and workers keep going)",
  explain: (s) => {
    const waiting = Array.from({ length: s.launch.length }, (_, l) => l).filter((l) => s.launch.get(l) !== "done");
    return `${waiting.map(launchName).join(" and ")} never get${waiting.length === 1 ? "s" : ""} ${waiting.length === 1 ? "its" : "their"} network state: the workers keep propagating stale items while every retry times out behind them.`;
  },
});

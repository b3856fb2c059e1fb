import { sometimes } from "../../../checker/property.js";
import { allDone, type Ec2State } from "../state.js";

/** Witness: some run gets every launch its network state, so admission control still admits work (it is not vacuous). */
export default sometimes<Ec2State>("all-launches-done", allDone, { description: "witness: every launch gets its network state" });

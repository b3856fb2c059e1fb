import { step } from "../checker/property.js";
import type { DnsAction } from "../model/actions.js";
import { endpointName } from "../model/names.js";
import type { DnsState } from "../model/state.js";

/**
 * No endpoint's active generation ever decreases: a stale plan must never
 * replace a newer one (the write that started the October 2025 outage).
 */
export default step<DnsState, DnsAction>("no-regression", (before, _a, after) => after.active.every((plan, n) => plan >= before.active[n]!), {
  description: "no endpoint's active generation ever decreases",
  explain: (before, _a, after) =>
    after.active
      .map((plan, n) => (plan < before.active[n]! ? `${endpointName(n)} went back from plan ${before.active[n]} to older plan ${plan}.` : ""))
      .filter(Boolean)
      .join(" "),
});

import { always } from "../checker/property.js";
import { endpointName } from "../model/names.js";
import { isEmpty, type DnsState } from "../model/state.js";

/**
 * No endpoint's active plan is deleted. An endpoint pointing at a deleted
 * plan has no DNS records: that is how dynamodb.us-east-1.amazonaws.com
 * went dark in October 2025.
 */
export default always<DnsState>("endpoint-never-empty", (s) => s.active.every((_, n) => !isEmpty(s, n)), {
  description: "no endpoint's active plan is deleted (an empty endpoint answers with no records)",
  explain: (s) => {
    const empty = s.active.map((_, n) => n).filter((n) => isEmpty(s, n));
    return empty.map((n) => `${endpointName(n)} points at plan ${s.active[n]}, which has been deleted, so it has no records.`).join(" ");
  },
});

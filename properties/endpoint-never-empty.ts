import { always } from "../checker/property.js";
import { deletion, lastWrite, plainHistory } from "../model/history.js";
import { endpointName } from "../model/names.js";
import { isEmpty, isEmptyPlain, plain, type DnsState } from "../model/state.js";

/**
 * No endpoint's active plan is deleted. An endpoint pointing at a deleted
 * plan has no DNS records: that is how dynamodb.us-east-1.amazonaws.com
 * went dark in October 2025.
 */
export default always<DnsState>(
  "endpoint-never-empty",
  (s) => {
    for (let n = 0; n < s.active.length; n++) if (isEmpty(s, n)) return false;
    return true;
  },
  {
    description: "no endpoint's active plan is deleted (an empty endpoint answers with no records)",
    explain: (state, h) => {
      const s = plain(state);
      const history = plainHistory(h);
      return s.active
        .map((plan, n) => {
          if (!isEmptyPlain(s, n)) return "";
          const del = deletion(history, plan);
          const write = lastWrite(history, n);
          const deleted = del ? `which ${del.by}'s clean-up deleted at step ${del.step}` : "which has been deleted";
          const late = del && write && write.step > del.step ? `; ${write.by} wrote it there at step ${write.step}, after it was deleted` : "";
          return `${endpointName(n)} points at plan ${plan}, ${deleted}${late}, so it has no records.`;
        })
        .filter(Boolean)
        .join(" ");
    },
  },
);

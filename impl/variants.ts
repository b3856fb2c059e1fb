/**
 * The implementation's variants, named as the model's: each is one choice of
 * how an Enactor writes an endpoint and one of what clean-up may delete.
 * Everything else is shared.
 */

/**
 * How an Enactor writes plan p to an endpoint (every write replaces exactly
 * the plan the Enactor read: an RFC 2136 prerequisite; when the server
 * refuses it, the Enactor reads again and decides anew):
 * - `blind`: writes p whatever plan is there (October 2025);
 * - `compare-and-swap`: only over the plan it read at its freshness check,
 *   and only a newer plan; the server itself refuses the stale write;
 * - `recheck`: re-reads the endpoint before each write and abandons its plan
 *   when the endpoint already has a newer one.
 */
export type WriteRule = "blind" | "compare-and-swap" | "recheck";

/**
 * What clean-up after plan p deletes among the plans g with g + keep < p:
 * - `all-old`: every one (October 2025);
 * - `spare-active`: those that no endpoint points at, read just before.
 */
export type CleanupRule = "all-old" | "spare-active";

/** One variant of the service. */
export interface ServiceVariant {
  readonly name: string;
  readonly write: WriteRule;
  readonly cleanup: CleanupRule;
}

/** The variants, as the model names them. */
export const SERVICE_VARIANTS: readonly ServiceVariant[] = [
  { name: "incident", write: "blind", cleanup: "all-old" },
  { name: "guarded-cleanup", write: "blind", cleanup: "spare-active" },
  { name: "cas", write: "compare-and-swap", cleanup: "all-old" },
  { name: "fixed", write: "compare-and-swap", cleanup: "spare-active" },
  { name: "recheck", write: "recheck", cleanup: "all-old" },
];

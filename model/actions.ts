/** The actions of the protocol: one atomic step each (PROTOCOL.md, "Actions"). */

/** An action of the Planner or of one Enactor (by index). */
export type DnsAction =
  | { readonly kind: "Plan" }
  | { readonly kind: "Pick"; readonly enactor: number }
  | { readonly kind: "Apply"; readonly enactor: number }
  | { readonly kind: "Cleanup"; readonly enactor: number };

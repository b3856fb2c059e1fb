import type { DnsVariant } from "../variant.js";
import { cas } from "./cas.js";
import { guardedCleanup } from "./guarded-cleanup.js";

/** Both protections: conditional writes and a clean-up that spares active plans. */
export const fixed: DnsVariant = {
  name: "fixed",
  description: "conditional writes and a guarded clean-up together",
  write: cas.write,
  mayDelete: guardedCleanup.mayDelete,
};

/** Every variant of the protocol, in the order reports list them. Add a new variant here (one line). */
import type { DnsVariant } from "../variant.js";
import { cas } from "./cas.js";
import { fixed } from "./fixed.js";
import { guardedCleanup } from "./guarded-cleanup.js";
import { incident } from "./incident.js";
import { recheck } from "./recheck.js";

export const VARIANTS: readonly DnsVariant[] = [incident, guardedCleanup, cas, fixed, recheck];

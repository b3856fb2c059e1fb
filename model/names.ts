/** Names of actors as the incident report uses them. */

/** Enactor 0, 1, 2, ... is "Enactor A", "Enactor B", ... */
export const enactorLetter = (e: number): string => String.fromCharCode(65 + e);
/** "Enactor A". */
export const enactorName = (e: number): string => `Enactor ${enactorLetter(e)}`;
/** "endpoint 0 (regional)", "endpoint 1". */
export const endpointName = (n: number): string => (n === 0 ? "endpoint 0 (regional)" : `endpoint ${n}`);
/** "plans 1, 2" or "plan 3". */
export const planList = (plans: readonly number[]): string => `plan${plans.length === 1 ? "" : "s"} ${plans.join(", ")}`;

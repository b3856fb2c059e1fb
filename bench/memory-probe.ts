/**
 * A probe of how fast this machine's memory answers right now: 2 * 10^7
 * dependent-free random increments over 32 MB (the size of the fingerprint
 * set of a (3,3,8,1) check), timed. `npm run bench -- --probe` runs it alone
 * and two at once, several times, to show how much the machine's speed, and
 * what a second core adds, drift from one run to the next (README, "Where the
 * speed targets stand").
 */
const WORDS = 1 << 23;
const STEPS = 2e7;

const table = new Int32Array(WORDS);
const started = performance.now();
let x = 1;
let sum = 0;
for (let i = 0; i < STEPS; i++) {
  x = (Math.imul(x, 1103515245) + 12345) | 0;
  sum += table[(x >>> 9) & (WORDS - 1)]++;
}
// The sum is printed so that the loop cannot be dropped as dead code.
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), sum }));

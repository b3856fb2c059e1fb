/**
 * A probe of how fast this machine's memory answers right now: 2 * 10^7
 * dependent-free random increments over 32 MB (the size of the fingerprint
 * set of a (3,3,8,1) check), timed; and what the first write to a fresh
 * page costs (the kernel maps it then: on a virtual machine the host may
 * have to back it too), over 64 MB, one write a 4 KB page. `npm run bench
 * -- --probe` runs it alone and two at once, several times, to show how much
 * the machine's speed, and what a second core adds, drift from one run to
 * the next (README, "Where the speed targets stand"). A check that records
 * its graph writes some 80 MB more than one that does not (docs/liveness.md),
 * so the page cost says much of what that costs here.
 */
const WORDS = 1 << 23;
const STEPS = 2e7;
const FRESH_BYTES = 64 << 20;
const PAGE = 4096;

const table = new Int32Array(WORDS);
const started = performance.now();
let x = 1;
let sum = 0;
for (let i = 0; i < STEPS; i++) {
  x = (Math.imul(x, 1103515245) + 12345) | 0;
  sum += table[(x >>> 9) & (WORDS - 1)]++;
}
const ms = performance.now() - started;

const fresh = new Uint8Array(FRESH_BYTES);
const touched = performance.now();
for (let i = 0; i < FRESH_BYTES; i += PAGE) fresh[i] = 1;
const pageUs = ((performance.now() - touched) * 1000) / (FRESH_BYTES / PAGE);
sum += fresh[PAGE]!;
// The sum is printed so that the loops cannot be dropped as dead code.
console.log(JSON.stringify({ ms: Math.round(ms), pageUs: Math.round(pageUs * 100) / 100, sum }));

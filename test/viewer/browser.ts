/** Headless Chromium driven by playwright-core: a browser already on the machine, never a download. */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * The browser to drive: `DNSMC_CHROMIUM` if set; else Debian's Chromium (what
 * .ci/run installs), or Google Chrome (what GitHub's ubuntu-latest runners have).
 */
export const CHROMIUM = process.env.DNSMC_CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/google-chrome", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? "/usr/bin/chromium";

/** Launches it headless with the flags a sandbox without network needs (no GPU, root, no background connections). */
export function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No browser for the viewer's test at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), or set DNSMC_CHROMIUM to a Chromium or Chrome binary.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

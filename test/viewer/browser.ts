/** Headless Chromium (Debian's package) driven by playwright-core: no browser download. */
import { chromium, type Browser } from "playwright-core";

/** Where .ci/run installs Chromium (apt package `chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches headless Chromium with the flags this sandbox needs (no network, no GPU, root). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

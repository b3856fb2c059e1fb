/**
 * The HTML trace viewer in a real browser (Debian's Chromium, headless):
 * open the page that `dnsmc check` wrote, step through the trace with the
 * keyboard, check what each step shows, and save a screenshot.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "../cli/run-cli.js";
import { launch } from "./browser.js";

const OUTPUT = join(ROOT, "dist", "test-output");

describe("the HTML trace viewer", () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    const out = mkdtempSync(join(tmpdir(), "dnsmc-view-"));
    const r = dnsmc(["check", "--variant", "incident", "--property", "endpoint-never-empty", "--out", out]);
    expect(r.code).toBe(1);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("request", (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(join(out, "incident", "endpoint-never-empty.html")).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const title = () => page.locator("#step-title").textContent();
  // The row whose first cell is exactly `label` (other cells may mention it too).
  const row = (label: string) => page.locator("#rows tr").filter({ has: page.locator("td:first-child").getByText(label, { exact: true }) });

  it("opens on the violating step with the explanation", async () => {
    expect(await title()).toBe("Step 9 of 9: Enactor B cleans up: deletes plans 1, 2");
    expect(await page.locator(".reason").textContent()).toContain("which Enactor B's clean-up deleted at step 9");
  });

  it("shows every note from the start, each selecting its step, and explains the red step numbers", async () => {
    const notes = page.locator("#key-notes li");
    expect(await notes.count()).toBe(2);
    expect(await notes.nth(1).textContent()).toContain("step 7 Stale check: Enactor A checked at step 2");
    expect(await notes.nth(1).isVisible()).toBe(true);
    expect(await page.locator(".keys").textContent()).toContain("red number: the step has a note");
    await notes.nth(1).locator("button").click();
    expect(await title()).toBe("Step 7 of 9: Enactor A applies plan 2 to endpoint 0 (regional), replacing plan 4");
    await page.keyboard.press("End");
  });

  it("steps with the keyboard: Home, right, End, left", async () => {
    await page.keyboard.press("Home");
    expect(await title()).toBe("Step 0 of 9: Initial state");
    expect(await page.locator("#rows tr.changed").count()).toBe(0);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await title()).toBe("Step 2 of 9: Enactor A picks plan 2 (newest in Route53: plan 1)");
    expect(await page.locator("#notes li").textContent()).toContain("Freshness check: Enactor A checks once that plan 2 is newer than plan 1");
    await page.keyboard.press("End");
    expect(await title()).toContain("Step 9 of 9");
    expect(await row("deleted plans").getAttribute("class")).toBe("changed");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect(await title()).toBe("Step 7 of 9: Enactor A applies plan 2 to endpoint 0 (regional), replacing plan 4");
  });

  it("highlights what changed and marks the step in the sequence diagram", async () => {
    expect(await row("endpoint 0 (regional)").getAttribute("class")).toBe("changed");
    expect(await row("endpoint 0 (regional)").locator(".was").textContent()).toBe("plan 4");
    expect(await row("Enactor C").getAttribute("class")).toBeNull();
    expect(await page.locator("#notes li").textContent()).toContain("Stale check: Enactor A checked at step 2 that plan 2 was newer than plan 1; when it wrote at step 7");
    expect(await page.locator("svg g.message.selected").count()).toBe(1);
    expect(await page.locator("svg g.message.selected text").textContent()).toBe("7. write plan 2 (was 4)");
    expect(await page.locator("#steps li.selected").getAttribute("data-step")).toBe("7");
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, "viewer-step-7.png"), fullPage: true });
  });

  it("clicking a step in the diagram selects it", async () => {
    await page.locator('svg g.message[data-step="5"]').click();
    expect(await title()).toContain("Step 5 of 9: Enactor B picks plan 4");
  });

  it("loads nothing from the network", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith("file:"))).toEqual([]);
  });
});

describe("the HTML trace viewer on a lasso", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Two Enactors retrying their failed Route53 transactions forever: a cycle of two steps after step 11.
    const out = mkdtempSync(join(tmpdir(), "dnsmc-view-lasso-"));
    const r = dnsmc(["check", "--variant", "incident", "--retry", "1", "--enactors", "2", "--endpoints", "1", "--plans", "4", "--property", "empty-endpoint-repaired", "--out", out]);
    expect(r.code, r.stderr).toBe(1);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(join(out, "incident,enactors=2,endpoints=1,plans=4,retry=1", "empty-endpoint-repaired.html")).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  const title = () => page.locator("#step-title").textContent();

  it("marks the cycle's steps and where it starts, and says why it is fair", async () => {
    expect(await page.locator("#steps li.cycle").evaluateAll((items) => items.map((li) => li.getAttribute("data-step")))).toEqual(["12", "13"]);
    expect(await page.locator('#steps li[data-step="11"] .loop-start').textContent()).toContain("the cycle starts here: steps 12–13 repeat forever");
    expect(await page.locator("#fairness").textContent()).toContain("Enactor A (weakly fair): runs at step 12");
  });

  it("goes back to the cycle's start with the button, and round the cycle with the right arrow", async () => {
    await page.keyboard.press("End");
    expect(await title()).toContain("Step 13 of 13");
    await page.keyboard.press("ArrowRight");
    expect(await title()).toContain("Step 12 of 13");
    await page.locator("#back-to-loop").click();
    expect(await title()).toContain("Step 11 of 13");
    expect(await page.locator("#back-to-loop").textContent()).toBe("↩ back to step 11: the same state, and the cycle again");
  });
});

describe("the HTML trace viewer on another family's committed lasso", () => {
  let browser: Browser;
  let page: Page;
  // EC2 propagation without throttling: the last launch's retries time out behind their own stale copies.
  const file = join(ROOT, "counterexamples", "ec2-propagation", "no-throttling", "launches-complete.html");

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the queue in the domain's words, the cycle marked and drawn", async () => {
    const cycle = await page.locator("#steps li.cycle").evaluateAll((items) => items.map((li) => li.getAttribute("data-step")));
    expect(cycle.length).toBeGreaterThan(0);
    const first = Number(cycle[0]) - 1;
    expect(await page.locator(`#steps li[data-step="${first}"] .loop-start`).textContent()).toContain("the cycle starts here");
    await page.locator(`#steps li[data-step="${cycle.at(-1)}"]`).click();
    expect(await page.locator("#rows").textContent()).toContain("(stale)");
    expect(await page.locator("#fairness").textContent()).toContain("Work (weakly fair): runs at step");
    expect(await page.locator("svg").first().textContent()).toContain("Propagation queue");
  });
});

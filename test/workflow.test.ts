/** The example GitHub workflow is valid (per the workflow schema) and runs the gate the way .ci/run does. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli/run-cli.js";

const workflow = readFileSync(join(ROOT, ".github/workflows/protocol.yml"), "utf8");

describe(".github/workflows/protocol.yml", () => {
  it("validates against the GitHub Actions workflow schema", () => {
    expect(validateWorkflow(workflow).errors).toEqual([]);
    // The validator does reject a broken workflow (a misspelt key).
    expect(validateWorkflow(workflow.replace("runs-on:", "runs_on:")).errors).not.toEqual([]);
  });

  it("gates pull requests touching model/ or properties/ and uploads the counterexamples", () => {
    expect(workflow).toMatch(/pull_request:\s+paths:\s+- "model\/\*\*"\s+- "properties\/\*\*"/);
    expect(workflow).toContain("uses: actions/upload-artifact@v4");
    expect(workflow).toContain("run: npm run check -- --conform --junit dnsmc-junit.xml --out counterexamples");
    // Knot DNS is there before the gate's conformance step needs it.
    expect(workflow.indexOf("knot=knot")).toBeLessThan(workflow.indexOf("npm run check"));
  });

  it("runs on a GitHub-hosted runner as written: a browser for the viewer's test, apt only through sudo", () => {
    expect(workflow).toContain("runs-on: ubuntu-latest");
    expect(workflow).toContain("command -v chromium || command -v google-chrome || browser=chromium");
    expect(workflow).toContain("[ -x /usr/sbin/knotd ] || knot=knot");
    expect(workflow).toContain("[ -x /usr/sbin/named ] || bind=bind9");
    expect(workflow).toContain("sudo apt-get update && sudo apt-get install -y --no-install-recommends $browser $knot $bind");
    // Every apt-get in the workflow runs through sudo (the runner's user is not root).
    for (const line of workflow.split("\n").filter((l) => l.includes("apt-get"))) expect(line.match(/apt-get/g)!.length).toBe(line.match(/sudo apt-get/g)!.length);
    const browser = readFileSync(join(ROOT, "test/viewer/browser.ts"), "utf8");
    expect(browser).toContain('"/usr/bin/google-chrome"');
  });

  it("uses the npm commands of .ci/run", () => {
    const ci = readFileSync(join(ROOT, ".ci/run"), "utf8");
    for (const command of ["npm ci", "npm test"]) {
      expect(ci).toContain(command);
      expect(workflow).toContain(`run: ${command}`);
    }
  });
});

/**
 * dnsmc as anyone installing it from the registry gets it: the packed
 * tarball, installed into an empty project, runs the built-in model (with no
 * build step and no TypeScript), a user's own model, `ci` on the user's own
 * matrix, and `view`; traces land in the user's folder, not in node_modules.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./cli/run-cli.js";

const project = mkdtempSync(join(tmpdir(), "dnsmc-installed-"));

function sh(command: string, args: readonly string[], cwd = project) {
  const run = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const dnsmc = (...args: string[]) => sh(join(project, "node_modules", ".bin", "dnsmc"), args);

describe("the installed package", () => {
  beforeAll(() => {
    // npm test has just built dist/; packing must not build again (the tarball is what a registry would serve).
    const pack = sh("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", project], ROOT);
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = JSON.parse(pack.stdout)[0].filename as string;
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module" }));
    const install = sh("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", `./${tarball}`]);
    expect(install.code, install.stderr).toBe(0);
  }, 180_000);

  it("ships compiled code only: no TypeScript sources, tests or benchmark", () => {
    const pkg = join(project, "node_modules", "dnsmc");
    expect(readdirSync(pkg).sort()).toEqual(["README.md", "dist", "model", "package.json"]);
    // model/ ships the families' check matrices only.
    expect(readdirSync(join(pkg, "model"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)).toEqual(expect.arrayContaining(["matrix.json"]));
    for (const e of readdirSync(join(pkg, "model"), { recursive: true, withFileTypes: true })) if (e.isFile()) expect(e.name).toBe("matrix.json");
    expect(readdirSync(join(pkg, "dist")).sort()).toEqual(["checker", "impl", "model", "properties"]);
  });

  it("checks the built-in model without rebuilding, writing the trace into the user's folder", () => {
    const r = dnsmc("check", "--variant", "incident");
    expect(r.stderr).not.toContain("changed since the last build");
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("6. Enactor A applies plan 2 to endpoint 0 (regional), replacing plan 3");
    expect(existsSync(join(project, "counterexamples", "incident", "no-regression.itf.json"))).toBe(true);
    expect(existsSync(join(project, "node_modules", "dnsmc", "counterexamples"))).toBe(false);
  });

  it("views a trace it wrote", () => {
    const view = dnsmc("view", "counterexamples/incident/no-regression.itf.json", "-o", "trace.html");
    expect(view.code, view.stderr).toBe(0);
    expect(existsSync(join(project, "trace.html"))).toBe(true);
  });

  it("checks a user's own model, and gates it with the user's own matrix", () => {
    copyFileSync(join(ROOT, "test/fixtures/die-hard.mjs"), join(project, "die-hard.mjs"));
    const check = dnsmc("check", "--model", "die-hard.mjs", "--continue", "--no-write");
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toMatch(/big-jug-never-holds-4\s+invariant\s+VIOLATED \(6 actions\)/);
    writeFileSync(
      join(project, "matrix.json"),
      JSON.stringify({ configurations: [{ variant: "die-hard", expect: { "big-jug-never-holds-4": "violated", "four-gallons-reachable": "found" } }] }),
    );
    const ci = dnsmc("ci", "--model", "die-hard.mjs", "--config", "matrix.json", "--no-write");
    expect(ci.code, ci.stdout + ci.stderr).toBe(0);
    expect(ci.stdout).toContain("All 2 verdicts are as expected");
  });

  it("a user's project of two families: listed, picked by --family, gated together; a malformed list is refused", () => {
    copyFileSync(join(ROOT, "test/fixtures/die-hard.mjs"), join(project, "die-hard.mjs"));
    copyFileSync(join(ROOT, "examples/two-phase-commit.mjs"), join(project, "two-phase-commit.mjs"));
    writeFileSync(join(project, "tpc.json"), JSON.stringify({ configurations: [{ variant: "two-phase-commit", expect: { consistent: "holds", "all-committed": "found" } }] }));
    const write = (dnsmcField: unknown) => writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", private: true, type: "module", dnsmc: dnsmcField }));
    write({ model: "./die-hard.mjs", matrix: "./matrix.json", families: [{ model: "./two-phase-commit.mjs", matrix: "./tpc.json" }] });
    const list = dnsmc("list");
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^die-hard: /m);
    expect(list.stdout).toMatch(/^two-phase-commit: /m);
    const check = dnsmc("check", "--family", "two-phase-commit", "--rms", "3", "--no-write");
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toContain("dnsmc check: two-phase-commit, variant two-phase-commit");
    const ci = dnsmc("ci", "--no-write");
    expect(ci.code, ci.stdout + ci.stderr).toBe(0);
    expect(ci.stdout).toContain("dnsmc ci: all 4 verdicts of 2 families as expected");
    write({ model: "./die-hard.mjs", families: [{ modle: "./two-phase-commit.mjs" }] });
    const typo = dnsmc("list");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("Unknown key dnsmc.families[0].modle");
    write({ model: "./die-hard.mjs", families: "./two-phase-commit.mjs" });
    const notList = dnsmc("list");
    expect(notList.code).toBe(2);
    expect(notList.stderr).toContain("dnsmc.families");
    expect(notList.stderr).toContain("must be an array");
  });
});

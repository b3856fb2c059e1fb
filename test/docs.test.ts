/**
 * `npm run docs` builds the API reference from the TSDoc comments with no
 * warning, and fails on an exported symbol without a comment.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./cli/run-cli.js";

const typedoc = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, "node_modules/typedoc/bin/typedoc"), ...args], { cwd: ROOT, encoding: "utf8" });

describe("npm run docs", () => {
  it("builds the API reference with no warning", () => {
    const out = mkdtempSync(join(tmpdir(), "dnsmc-docs-"));
    const r = typedoc("--out", out);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain("warning");
    expect(existsSync(join(out, "functions", "check.html"))).toBe(true);
  }, 120_000);

  it("fails on an exported symbol without a comment", () => {
    // The project's TypeDoc options, on a module of one undocumented export.
    const dir = mkdtempSync(join(tmpdir(), "dnsmc-docs-"));
    copyFileSync(join(ROOT, "test/fixtures/docs/undocumented.ts"), join(dir, "undocumented.ts"));
    const options = { ...JSON.parse(readFileSync(join(ROOT, "typedoc.json"), "utf8")), entryPoints: ["undocumented.ts"], out: "out", tsconfig: "tsconfig.json" };
    writeFileSync(join(dir, "typedoc.json"), JSON.stringify(options));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", strict: true, noEmit: true, types: [] }, include: ["*.ts"] }));
    const r = typedoc("--options", join(dir, "typedoc.json"));
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/undocumented .*does not have any documentation/);
  }, 120_000);
});

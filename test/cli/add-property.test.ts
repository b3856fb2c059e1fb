/**
 * Adding a property is adding one file: a project whose properties folder
 * gains a new source file gets it built and checked by the next `dnsmc check`,
 * with no other edit. The project here is a scratch copy of the layout.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "./run-cli.js";

describe("adding a property", () => {
  it("a new file in properties/ is discovered, rebuilt and checked by the next dnsmc check", () => {
    const dir = mkdtempSync(join(tmpdir(), "dnsmc-prop-"));
    const api = pathToFileURL(join(ROOT, "dist/checker/index.js")).href;
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({
        name: "scratch",
        type: "module",
        dnsmc: {
          model: pathToFileURL(join(ROOT, "dist/model/index.js")).pathname,
          properties: "./dist/properties",
          build: { command: "node build.mjs", output: "./dist", sources: ["./properties"] },
        },
      }),
    );
    // A stand-in for tsc: the property below is plain JavaScript in a .ts file.
    writeFileSync(
      join(dir, "build.mjs"),
      `import { cpSync, mkdirSync, readdirSync } from "node:fs";
mkdirSync("dist/properties", { recursive: true });
for (const f of readdirSync("properties")) cpSync("properties/" + f, "dist/properties/" + f.replace(/\\.ts$/, ".js"));`,
    );
    mkdirSync(join(dir, "properties"));
    writeFileSync(
      join(dir, "properties", "at-most-two-deleted.ts"),
      `import { always } from ${JSON.stringify(api)};
export default always("at-most-two-deleted", (s) => s.deleted.size <= 2, { description: "clean-up never deletes more than two plans" });`,
    );
    const r = dnsmc(["check", "--variant", "incident", "--no-write"], dir);
    expect(r.stderr).toContain("properties/at-most-two-deleted.ts changed since the last build");
    expect(r.stdout).toMatch(/at-most-two-deleted\s+invariant\s+VIOLATED/);
    expect(r.code).toBe(1);
    // Built now: the second run does not rebuild.
    const again = dnsmc(["check", "--variant", "incident", "--no-write"], dir);
    expect(again.stderr).not.toContain("changed since the last build");
  });
});

/**
 * Every command in the README runs, and prints what the README shows. The
 * recipe sections, which change the project, run in recipes.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../cli/run-cli.js";
import { examples, isRecipe, mismatch, sections } from "./markdown.js";
import { scratchProject, shell } from "./scratch.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");


// Commands of `sh` blocks that this test does not run, and why.
const NOT_RUN: Record<string, string> = {
  "npm install": "the checkout this suite runs in was installed by it",
  "npm test": "the suite itself",
};

const scratch = scratchProject();
afterAll(() => scratch.remove());

describe("README.md", () => {
  it("is short enough to read in one sitting", () => {
    // Three models now: the DNS automation and the incident's two other mechanisms.
    expect(README.split("\n").length).toBeLessThanOrEqual(580);
  });

  for (const section of sections(README).filter((s) => !isRecipe(s))) {
    const runnable = section.blocks.filter((b) => b.lang === "console" || b.lang === "sh");
    if (runnable.length === 0) continue;
    it(`"${section.title}": every command runs as documented`, () => {
      for (const block of section.blocks) if (block.file) writeFileSync(join(scratch.dir, block.file), block.text + "\n");
      for (const block of runnable) {
        if (block.lang === "sh") {
          for (const line of block.text.split("\n")) {
            for (const command of line.replace(/#.*$/, "").split("&&").map((c) => c.trim()).filter(Boolean)) {
              if (command in NOT_RUN) continue;
              const r = shell(command, scratch.dir);
              expect([0, 1], `${command}\n${r.output}`).toContain(r.code);
            }
          }
          continue;
        }
        for (const { command, expected } of examples(block)) {
          const r = shell(command, scratch.dir);
          expect([0, 1], `${command}\n${r.output}`).toContain(r.code);
          expect(mismatch(expected, r.output), `${command}\n--- output ---\n${r.output}`).toBeNull();
        }
      }
    });
  }
});

describe("the README matcher", () => {
  it("tells documented output from other output", () => {
    expect(mismatch(["a", "...", "c 1.5 s"], "a\nb\nb\nc 0.2 s\n")).toBeNull();
    expect(mismatch(["a", "c"], "a\nb\nc")).toMatch(/line 2/);
    expect(mismatch(["a", "..."], "a\nb")).toBeNull();
    expect(mismatch(["a"], "a\nb")).toMatch(/undocumented output/);
    expect(mismatch(["x", "...", "z"], "x\ny")).toMatch(/not found/);
    expect(mismatch(["2 workers"], "4 workers")).toBeNull();
  });
});

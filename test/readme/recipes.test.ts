/**
 * The README's recipes leave the suite green. Each recipe section (one that
 * adds files to the project's own folders) is applied word for word to a copy
 * of the project: its files written, its edits made, its commands run and
 * compared with the documented output. Then the matrix gets the JSON that
 * `npm run check` asks for, the gate must pass, and the tests that read the
 * project's declarations must pass in the copy.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/run-cli.js";
import { applyDiff, examples, isRecipe, mismatch, sections } from "./markdown.js";
import { scratchProject, shell } from "./scratch.js";

const README = readFileSync(join(ROOT, "README.md"), "utf8");
// The files with tests that read the matrix, the discovered properties or the variants' index; of them, the copy
// runs those tagged "declarations" (test/vitest.config.ts): the ones whose expectations are derived from them.
const AFFECTED = ["test/cli/ci.test.ts", "test/cli/cli.test.ts", "test/cli/gate.test.ts", "test/cli/load.test.ts", "test/model/reference.test.ts", "test/model/mechanisms.test.ts"];

interface Suggestion {
  where: string;
  json: string;
  /** The matrix file it goes in, relative to the project. */
  matrix: string;
}

// Pastes the gate's suggestions into the matrix, as the README tells a user to.
function pasteSuggestions(dir: string): number {
  const ci = shell("node dist/checker/cli/main.js ci --json --no-write", dir);
  const { suggestions } = JSON.parse(ci.output.slice(ci.output.indexOf("{"))) as { suggestions: Suggestion[] };
  for (const s of suggestions) {
    const file = join(dir, s.matrix);
    const matrix = JSON.parse(readFileSync(file, "utf8"));
    const at = /^configurations\[(\d+)\]/.exec(s.where);
    if (at) matrix.configurations[Number(at[1])].expect = JSON.parse(s.json);
    else matrix.configurations.push(JSON.parse(s.json));
    writeFileSync(file, JSON.stringify(matrix, null, 2) + "\n");
  }
  return suggestions.length;
}

// vitest in the copy, as its pull request would run it.
function vitest(dir: string, files: readonly string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "test/vitest.config.ts", "--tags-filter=declarations", ...files], { cwd: dir, env: { ...process.env, NO_COLOR: "1" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

const recipes = sections(README).filter(isRecipe);

describe("the README's recipes", () => {
  it("are there: adding an invariant and proposing a protocol change", () => {
    expect(recipes.map((s) => s.title)).toEqual(["Adding an invariant", "Proposing a protocol change"]);
  });

  // Both recipes on one copy, in the README's order, as a team would land them one after the other; the affected
  // tests then run once (they are most of this test's time).
  it("followed word for word, leave the gate and the affected tests green", async () => {
    const scratch = scratchProject();
    try {
      for (const section of recipes) {
        for (const block of section.blocks) {
          if (block.file && block.lang === "diff") writeFileSync(join(scratch.dir, block.file), applyDiff(readFileSync(join(scratch.dir, block.file), "utf8"), block.text));
          else if (block.file) writeFileSync(join(scratch.dir, block.file), block.text + "\n");
          if (block.lang !== "console") continue;
          for (const { command, expected } of examples(block)) {
            const r = shell(command, scratch.dir);
            expect(mismatch(expected, r.output), `${section.title}: ${command}\n--- output ---\n${r.output}`).toBeNull();
          }
        }
        // Until the matrix has the new expectations the gate fails, saying what to paste.
        expect(shell("npm run check", scratch.dir).code, section.title).toBe(1);
        expect(pasteSuggestions(scratch.dir)).toBeGreaterThan(0);
        const gate = shell("npm run check", scratch.dir);
        expect(gate.code, `${section.title}\n${gate.output}`).toBe(0);
      }
      const tests = await vitest(scratch.dir, AFFECTED);
      // On failure, show the failing tests and their errors, not the whole run.
      const failed = tests.output.indexOf("Failed Tests");
      expect(tests.code, tests.output.slice(failed >= 0 ? failed : -3000).slice(0, 6000)).toBe(0);
    } finally {
      scratch.remove();
    }
  }, 300_000);
});

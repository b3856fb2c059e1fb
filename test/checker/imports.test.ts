/**
 * The engine's modules import each other without a circle (type-only imports
 * included): a check's data flows one way, check → search → graph analyses
 * and reports, so each module can be read, and changed, after those it uses.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../cli/run-cli.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every circle of relative imports among `files`, each as "a -> b -> a". */
export function importCircles(files: readonly string[]): string[] {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    graph.set(f, [...text.matchAll(/^import\s[^;]*?from\s+"(\.[^"]+)";/gms)].map((m) => normalize(join(dirname(f), m[1]!.replace(/\.js$/, ".ts")))));
  }
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const circles: string[] = [];
  const visit = (u: string): void => {
    state.set(u, 1);
    path.push(u);
    for (const v of graph.get(u) ?? []) {
      if (!graph.has(v)) continue;
      if (state.get(v) === 1) circles.push([...path.slice(path.indexOf(v)), v].map((x) => relative(ROOT, x)).join(" -> "));
      else if (!state.has(v)) visit(v);
    }
    path.pop();
    state.set(u, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return circles;
}

describe("the engine's imports", () => {
  it("form no circle", () => {
    expect(importCircles(sources(join(ROOT, "checker")))).toEqual([]);
  });

  it("a circle is found (the check above can fail)", () => {
    const dir = join(ROOT, "test", "fixtures", "import-circle");
    expect(importCircles(sources(dir))).toEqual([`${relative(ROOT, join(dir, "a.ts"))} -> ${relative(ROOT, join(dir, "b.ts"))} -> ${relative(ROOT, join(dir, "a.ts"))}`]);
  });
});

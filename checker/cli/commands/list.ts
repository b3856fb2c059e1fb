/** `dnsmc list`: the variants, properties and parameters of the model. */
import { kindLabel } from "../../report/steps.js";
import { loadContexts } from "../context.js";
import type { LoadedFamily } from "../load.js";
import { COMMON_OPTIONS, parse } from "../options.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";

/** Runs `dnsmc list ARGS`; returns the exit code. */
export async function listCommand(args: readonly string[], io: Output): Promise<number> {
  const { values } = parse(args, COMMON_OPTIONS, "list");
  // Without --model or --family, every family of the project, the default one first.
  const families = (await loadContexts(args, io, values.model === undefined && values.family === undefined)).map((c) => c.loaded);
  if (values.json) {
    const [first, ...more] = families.map(describeFamily);
    io.out(JSON.stringify(more.length === 0 ? first : { ...first, families: [first, ...more] }, null, 2));
    return EXIT.ok;
  }
  for (const [k, loaded] of families.entries()) {
    if (k > 0) io.out("");
    printFamily(io, loaded, families.length > 1);
  }
  return EXIT.ok;
}

// A family as `dnsmc list --json` gives it.
function describeFamily({ family, properties }: LoadedFamily) {
  return {
    model: family.name,
    description: family.description,
    variants: family.variants,
    properties: properties.map((p) => ({ name: p.name, kind: p.kind, description: p.description ?? "" })),
    parameters: family.parameters,
  };
}

function printFamily(io: Output, { family, properties }: LoadedFamily, several: boolean): void {
  const pad = (rows: string[][]): string[] => {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    return rows.map((r) => "  " + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "));
  };
  io.out(`${family.name}: ${family.description}`);
  io.out("");
  io.out(several ? `Variants (--variant NAME, or --family ${family.name}; the first is the default):` : "Variants (--variant NAME; the first is the default):");
  for (const line of pad(family.variants.map((v) => [v.name, v.description]))) io.out(line);
  io.out("");
  io.out("Properties (--property NAME, repeatable; all by default):");
  if (properties.length === 0) io.out("  (none)");
  else for (const line of pad(properties.map((p) => [p.name, kindLabel(p.kind), p.description ?? ""]))) io.out(line);
  if (family.parameters.length > 0) {
    io.out("");
    io.out("Parameters (--NAME N):");
    for (const line of pad(family.parameters.map((p) => [`--${p.name}`, `default ${p.default}`, `range ${p.min}..${p.max}`, p.description]))) io.out(line);
  }
}

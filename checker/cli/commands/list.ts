/** `dnsmc list`: the variants, properties and parameters of the model. */
import { kindLabel } from "../../report/steps.js";
import { loadContext } from "../context.js";
import { COMMON_OPTIONS, parse } from "../options.js";
import { EXIT } from "../exit-codes.js";
import type { Output } from "../output.js";

/** Runs `dnsmc list ARGS`; returns the exit code. */
export async function listCommand(args: readonly string[], io: Output): Promise<number> {
  const { values } = parse(args, COMMON_OPTIONS, "list");
  const { loaded } = await loadContext(args, io);
  const { family, properties } = loaded;
  if (values.json) {
    io.out(
      JSON.stringify(
        {
          model: family.name,
          description: family.description,
          variants: family.variants,
          properties: properties.map((p) => ({ name: p.name, kind: p.kind, description: p.description ?? "" })),
          parameters: family.parameters,
        },
        null,
        2,
      ),
    );
    return EXIT.ok;
  }
  const pad = (rows: string[][]): string[] => {
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    return rows.map((r) => "  " + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "));
  };
  io.out(`${family.name}: ${family.description}`, );
  io.out("");
  io.out("Variants (--variant NAME; the first is the default):");
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
  return EXIT.ok;
}

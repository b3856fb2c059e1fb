/**
 * The README as something tests can run: its sections, the fenced blocks in
 * each (commands with the output they document, files to create, edits to
 * make), and a matcher of documented output against real output.
 */

/** A fenced code block: its language, the file it is (`file=PATH` after the language), its text. */
export interface Block {
  readonly lang: string;
  readonly file: string | null;
  readonly text: string;
}

/** A section (`##` or `###` heading) and its blocks, in order. */
export interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

/** Splits Markdown into sections and their fenced blocks. */
export function sections(markdown: string): Section[] {
  const out: { title: string; blocks: Block[] }[] = [{ title: "(top)", blocks: [] }];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^#{2,3} (.*)$/.exec(line);
    if (heading) {
      out.push({ title: heading[1]!, blocks: [] });
      continue;
    }
    const fence = /^```(\S*)(?:\s+file=(\S+))?\s*$/.exec(line);
    if (!fence || fence[1] === "") continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i]!);
    out.at(-1)!.blocks.push({ lang: fence[1]!, file: fence[2] ?? null, text: body.join("\n") });
  }
  return out;
}

/** A section whose files go into the project's own folders: a recipe, which changes the project. */
export const isRecipe = (s: Section): boolean => s.blocks.some((b) => b.file !== null && /^(model|properties|checker)\//.test(b.file));

/** A command of a `console` block and the output documented under it. */
export interface Example {
  readonly command: string;
  readonly expected: readonly string[];
}

/** The `$ command` lines of a console block, each with the lines below it. */
export function examples(block: Block): Example[] {
  const out: { command: string; expected: string[] }[] = [];
  for (const line of block.text.split("\n")) {
    if (line.startsWith("$ ")) out.push({ command: line.slice(2), expected: [] });
    else out.at(-1)?.expected.push(line);
  }
  return out;
}

// Times and the number of worker threads differ from run to run and machine to machine; nothing else may.
function normalize(line: string): string {
  return line
    .trimEnd()
    .replace(/\d+(\.\d+)? s\b/g, "N s")
    .replace(/\b\d+ workers?\b/g, "N workers");
}

/**
 * Null if `actual` shows what `expected` documents, else why not. Lines must
 * match one for one, but for timings and worker counts; a line `...` stands for
 * any number of lines. Trailing blank lines are ignored on both sides.
 */
export function mismatch(expected: readonly string[], actual: string): string | null {
  const want = trimEnd(expected.map(normalize));
  const got = trimEnd(actual.split("\n").map(normalize));
  let at = 0;
  let skipping = false;
  for (const line of want) {
    if (line === "...") {
      skipping = true;
      continue;
    }
    if (skipping) {
      const found = got.indexOf(line, at);
      if (found < 0) return `documented line not found after line ${at + 1}: ${JSON.stringify(line)}`;
      at = found + 1;
    } else {
      if (got[at] !== line) return `line ${at + 1}: documented ${JSON.stringify(line)}, got ${JSON.stringify(got[at] ?? "(end of output)")}`;
      at++;
    }
    skipping = false;
  }
  if (!skipping && at < got.length) return `undocumented output from line ${at + 1}: ${JSON.stringify(got[at])}`;
  return null;
}

function trimEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out.at(-1) === "") out.pop();
  return out;
}

/**
 * Applies a `diff` block to `text`: a line starting with a space is context
 * (found, from where the last change was), `-` is removed, `+` is inserted.
 */
export function applyDiff(text: string, diff: string): string {
  const lines = text.split("\n");
  let at = 0;
  for (const line of diff.split("\n")) {
    const [op, body] = [line[0] ?? " ", line.slice(1)];
    if (op === "+") {
      lines.splice(at, 0, body);
      at++;
      continue;
    }
    const found = lines.indexOf(body, at);
    if (found < 0) throw new Error(`the diff's line ${JSON.stringify(body)} is not in the file (after line ${at})`);
    if (op === "-") {
      lines.splice(found, 1);
      at = found;
    } else at = found + 1;
  }
  return lines.join("\n");
}

/** Writing report files atomically: a temporary file in the same folder, then rename. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Writes `contents` to `path` so that readers see the old file or the new one, never half of one. */
export function writeFileAtomic(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, contents);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Appends to `path` (creating it), rewriting the whole file atomically. */
export function appendFileAtomic(path: string, contents: string): void {
  const before = existsSync(path) ? readFileSync(path, "utf8") : "";
  writeFileAtomic(path, before + contents);
}

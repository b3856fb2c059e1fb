/**
 * Output paths, checked before any work: a check may run for an hour, and
 * its results must not be lost because `--out` names a file or `-o` a
 * folder. Each problem is one paragraph naming the option and the fix.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { UsageError } from "./exit-codes.js";

/** `path` can be (or become) a folder that `flag` writes into; otherwise a usage error. */
export function usableFolder(path: string, flag: string): string {
  const full = resolve(path);
  if (existsSync(full) && !statSync(full).isDirectory()) {
    throw new UsageError(`${flag} ${path}: a file stands there, and ${flag} takes a folder to write into. Pass a folder's path, or move the file away.`);
  }
  parentsAreFolders(full, flag);
  return full;
}

/** `path` can be (or become) a file that `flag` writes; otherwise a usage error. */
export function usableFile(path: string, flag: string): string {
  const full = resolve(path);
  if (existsSync(full) && statSync(full).isDirectory()) {
    throw new UsageError(`${flag} ${path}: a folder stands there, and ${flag} takes a file to write. Pass a file's path, e.g. ${join(path, `result${suffix(flag)}`)}.`);
  }
  parentsAreFolders(dirname(full), flag);
  return full;
}

// Every existing ancestor must be a folder: a file in the way makes the write fail with ENOTDIR.
function parentsAreFolders(path: string, flag: string): void {
  for (let dir = path; dirname(dir) !== dir; dir = dirname(dir)) {
    if (!existsSync(dir)) continue;
    if (!statSync(dir).isDirectory()) {
      throw new UsageError(`${flag}: ${shown(dir)} is a file, so nothing can be written under it. Pass a path whose folders are folders, or move the file away.`);
    }
    return;
  }
}

// A path inside the working folder is shown relative to it, any other in full.
const shown = (path: string) => (relative(process.cwd(), path).startsWith("..") ? path : relative(process.cwd(), path) || ".");
const suffix = (flag: string) => (flag === "--junit" ? ".xml" : flag === "--summary" ? ".md" : flag === "-o" ? ".html" : "");

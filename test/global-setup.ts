/**
 * Every temporary folder the tests make (scratch projects, traces, installed
 * packages) goes under one folder of this run, removed when the run ends.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), "dnsmc-tests-"));
  // os.tmpdir() reads TMPDIR: the test workers, started after this, and every process they spawn inherit it.
  process.env.TMPDIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}

/**
 * Inputs the README does not mention: each gets one paragraph naming the
 * problem and the fix, exit 2, no stack trace, and loses nothing.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dnsmc, ROOT } from "./run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "dnsmc-bad-"));
const aFile = join(dir, "a-file");
const aFolder = join(dir, "a-folder");
writeFileSync(aFile, "keep me");
mkdirSync(aFolder);
const TRACE = join(ROOT, "counterexamples/incident/endpoint-never-empty.itf.json");

function expectUsage(args: readonly string[], message: RegExp | string) {
  const r = dnsmc(args);
  expect(r.code, r.stdout + r.stderr).toBe(2);
  if (typeof message === "string") expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toContain("internal error");
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r;
}

describe("output paths that cannot be used", () => {
  it.each([
    [["check", "--out", aFile], `--out ${aFile}: a file stands there, and --out takes a folder`],
    [["check", "--out", join(aFile, "sub")], `--out: ${aFile} is a file, so nothing can be written under it`],
    [["ci", "--out", aFile], `--out ${aFile}: a file stands there`],
    [["ci", "--junit", aFolder], `--junit ${aFolder}: a folder stands there, and --junit takes a file`],
    [["ci", "--summary", aFolder], `--summary ${aFolder}: a folder stands there`],
    [["view", TRACE, "-o", aFolder], `-o ${aFolder}: a folder stands there, and -o takes a file`],
    [["simulate", "--out", aFile], `--out ${aFile}: a file stands there`],
  ])("%j is refused before any work, and the file in the way is untouched", (args, message) => {
    expectUsage(args, message);
    expect(readFileSync(aFile, "utf8")).toBe("keep me");
  });
});

describe("traces with values the configuration cannot hold", () => {
  const edited = (name: string, edit: (t: { "#meta": Record<string, any>; states: Record<string, any>[] }) => void) => {
    const t = JSON.parse(readFileSync(TRACE, "utf8"));
    edit(t);
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(t));
    return file;
  };
  it.each([
    ["a negative bigint", (t: any) => (t.states[3].latest = { "#bigint": "-3" }), /step 3: latest must be an integer from 1 to 5 .*got -3/],
    ["a bigint beyond 2^53", (t: any) => (t.states[3].latest = { "#bigint": "99999999999999999999" }), /step 3: latest must be an integer from 1 to 5, got \{"#bigint":"99999999999999999999"\}/],
    ["a plan beyond --plans", (t: any) => (t.states[3].latest = 7), /step 3: latest must be an integer from 1 to 5 .*got 7/],
    ["an endpoint beyond --endpoints", (t: any) => (t.states[2].enactors["#map"][0][1].value.next = 2), /step 2: enactors\.A\.next must be an integer from 0 to 1 .*got 2/],
    ["an Enactor beyond --enactors", (t: any) => (t.states[2]["mbt::nondetPicks"].enactor.value = "Q"), /step 2: action Pick names Enactor Q, but there are 3 Enactors/],
    ["a parameter of the wrong type", (t: any) => (t["#meta"].parameters.enactors = "three"), /the trace's parameter enactors \(in #meta\.parameters\) must be an integer from 1 to 26; got "three"/],
  ])("replay rejects %s, naming the step and variable", (name, edit, message) => {
    expectUsage(["replay", edited(`${name}.itf.json`, edit)], message);
  });
});

describe("user models that cannot be checked as they are", () => {
  it("initStates() that does not return an array", () => {
    expectUsage(["check", "--model", "test/fixtures/bad/not-an-array.mjs", "--no-write"], /initStates\(\) must return an array of initial states; it returned an object/);
  });

  it("a module that exports no property, unless only counting was asked for", () => {
    expectUsage(["check", "--model", "test/fixtures/bad/no-properties.mjs", "--no-write"], /exports no property, so there is nothing to check.*--no-properties/);
    const counted = dnsmc(["check", "--model", "test/fixtures/bad/no-properties.mjs", "--no-write", "--no-properties"]);
    expect(counted.code).toBe(0);
    expect(counted.stdout).toContain("4 distinct states");
  });

  it("a syntax error, with its line and column", () => {
    const r = expectUsage(["check", "--model", "test/fixtures/bad/syntax-error.mjs"], "syntax-error.mjs:5:3: syntax error: Unexpected identifier 'actions'");
    expect(r.stderr).toContain("  actions: () => [],\n    ^^^^^^^");
  });

  it("a property that throws is named, with advice for properties", () => {
    const r = expectUsage(["check", "--model", "test/fixtures/bad/property-throws.mjs", "--no-write"], 'property "below-ten" threw: cannot judge 2');
    expect(r.stderr).toContain('Fix the property "below-ten"');
    expect(r.stderr).not.toContain("actions() must offer only actions");
  });
});

describe("negative numbers after an option", () => {
  it.each([
    [["check", "--max-states", "-5"], "--max-states must be an integer from 1"],
    [["check", "--enactors", "-1"], "--enactors must be an integer from 1 to 26; got -1"],
    [["check", "--keep", "-1"], "--keep must be an integer from 0 to 255; got -1"],
    [["check", "--timeout", "-2"], "--timeout must be a positive number of seconds"],
  ])("%j is judged by the option's range", (args, message) => {
    expectUsage(args, message);
  });
});

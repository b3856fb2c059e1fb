/**
 * JUnit XML for CI systems (Jenkins' junit-4 schema, which GitHub, GitLab
 * and Jenkins all read): one test suite per configuration, one test case per
 * property, a failure with the trace when a verdict is not the expected one.
 */

/** A test case: passed when `failure` is absent. */
export interface JunitCase {
  readonly name: string;
  readonly classname: string;
  readonly failure?: { readonly message: string; readonly type: string; readonly body: string };
  /** Shown as the case's output (an expected counterexample, say). */
  readonly output?: string;
}

/** A test suite with its cases. */
export interface JunitSuite {
  readonly name: string;
  readonly timeSeconds: number;
  readonly properties: Readonly<Record<string, string>>;
  readonly cases: readonly JunitCase[];
}

/** The XML document. */
export function junitXml(name: string, suites: readonly JunitSuite[]): string {
  const failures = (s: JunitSuite) => s.cases.filter((c) => c.failure).length;
  const total = (f: (s: JunitSuite) => number) => suites.reduce((a, s) => a + f(s), 0);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="${attr(name)}" tests="${total((s) => s.cases.length)}" failures="${total(failures)}" errors="0" time="${total((s) => s.timeSeconds).toFixed(3)}">`,
  );
  for (const s of suites) {
    out.push(`  <testsuite name="${attr(s.name)}" tests="${s.cases.length}" failures="${failures(s)}" errors="0" skipped="0" time="${s.timeSeconds.toFixed(3)}">`);
    const props = Object.entries(s.properties);
    if (props.length > 0) {
      out.push("    <properties>");
      for (const [k, v] of props) out.push(`      <property name="${attr(k)}" value="${attr(v)}"/>`);
      out.push("    </properties>");
    }
    for (const c of s.cases) {
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}"`;
      if (!c.failure && !c.output) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (c.failure) out.push(`      <failure message="${attr(c.failure.message)}" type="${attr(c.failure.type)}">${text(c.failure.body)}</failure>`);
      if (c.output) out.push(`      <system-out>${text(c.output)}</system-out>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>", "");
  return out.join("\n");
}

function text(s: string): string {
  // XML 1.0 forbids most control characters even when escaped.
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");
}

/**
 * Helpers for the semantic check tests: parse a hand-written document with positions, run
 * one family of checks, and reduce the problems to what the tests compare.
 */
import { parseDomain } from '../../src/index.js';
import type { Problem } from '../../src/schema/problem.js';
import type { Check } from '../../src/validate/semantic.js';

/** Runs `check` on `xml` parsed with positions recorded. */
export function run(check: Check<'domain'>, xml: string): Problem[] {
  const positions = new WeakMap<object, { line: number; column: number }>();
  const dom = parseDomain(xml, { positions });
  return check(dom, { positions });
}

export interface Brief {
  rule: string;
  severity: Problem['severity'];
  path: string;
  line: number | undefined;
}

/** The parts of each problem a test pins down (the message is checked apart, by content). */
export function brief(problems: Problem[]): Brief[] {
  return problems.map((p) => ({ rule: p.rule, severity: p.severity, path: p.path, line: p.line }));
}

/** The problems of one rule. */
export function ofRule(problems: Problem[], rule: string): Problem[] {
  return problems.filter((p) => p.rule === rule);
}

/**
 * A small KVM guest. Line 1 is `<domain>`, `head` (if any) starts on line 4, and the
 * `devices` text starts on the line after `<devices>`: line 5 without `head`.
 */
export function guest(devices: string, head = ''): string {
  const top = head === '' ? '' : `${head}\n`;
  return `<domain type='kvm'>
  <name>t</name>
  <memory unit='KiB'>1048576</memory>
${top}  <devices>
${devices}
  </devices>
</domain>`;
}

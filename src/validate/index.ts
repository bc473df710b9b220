/**
 * Validation of typed documents: structural checks derived from the model definitions, and
 * the semantic rules libvirt applies when it defines an object. RelaxNG validation against
 * libvirt's own schemas is separate (./relaxng.ts), because it loads a WebAssembly libxml2.
 */
import type { AnyDocument } from '../model/index.js';
import type { SourcePosition } from '../schema/codec.js';
import type { Problem } from '../schema/problem.js';
import { checkStructure } from './structure.js';
import { semanticChecks } from './semantic.js';

export type { Problem, Severity } from '../schema/problem.js';

export interface ValidateOptions {
  /** Positions recorded while parsing (`parse(xml, { positions })`), to add line:column to problems. */
  positions?: WeakMap<object, SourcePosition>;
}

/** Every problem found in a document, errors and warnings, in document order where possible. */
export function validate(document: AnyDocument, options: ValidateOptions = {}): Problem[] {
  const problems = checkStructure(document, options);
  // A value that is structurally wrong (missing, wrong type) is reported once, by the structure check.
  const structural = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.path));
  const checks = semanticChecks[document.kind];
  if (checks) {
    for (const check of checks) {
      for (const p of check(document.doc as never, options)) if (!structural.has(p.path)) problems.push(p);
    }
  }
  return problems;
}

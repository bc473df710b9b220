/**
 * Validates a guest before handing it to libvirt: structure (types, enumerations, required
 * parts) and libvirt's own rules (duplicate targets, addresses, boot order ...), each problem
 * with its path and, for parsed XML, its line and column. Also prints where the domain's JSON
 * Schema starts, for a web form or an API gateway.
 *
 *   npx tsx examples/validate.ts [FILE]     # default: examples/broken/duplicate-target.xml
 *
 * In your own code, import from 'libvirt-xml' instead of '../src/index.js'.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchema, parse, validate, type Problem } from '../src/index.js';

/** Every problem in an XML document, as `LINE:COL: PATH: message` lines. */
export function problemsOf(xmlText: string): string[] {
  const positions = new WeakMap<object, { line: number; column: number }>();
  const document = parse(xmlText, { positions });
  const problems: Problem[] = validate(document, { positions });
  return problems.map((p) => `${p.line ?? '?'}:${p.column ?? '?'}: ${p.severity}: ${p.path}: ${p.message} [${p.rule}]`);
}

/** The JSON Schema of the domain's JSON form (`{ "domain": { ... } }`). */
export function domainSchemaKeys(): string[] {
  return Object.keys(jsonSchema('domain'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ?? fileURLToPath(new URL('broken/duplicate-target.xml', import.meta.url));
  for (const line of problemsOf(readFileSync(file, 'utf8'))) console.log(line);
  console.log(`JSON Schema of the domain: ${domainSchemaKeys().join(', ')}`);
}

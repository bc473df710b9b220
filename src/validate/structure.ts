/**
 * Structural validation of a whole document, and the JSON Schema of a kind: both derived from
 * the model definitions (src/schema/check.ts, src/schema/jsonschema.ts), picked by kind.
 */
import { ModelError } from '../errors.js';
import { documents, isKind, type AnyDocument, type Kind } from '../model/index.js';
import { checkDocument } from '../schema/check.js';
import type { DocumentDef } from '../schema/document.js';
import { jsonSchema, type JsonSchema } from '../schema/jsonschema.js';
import type { Problem } from '../schema/problem.js';
import type { ValidateOptions } from './index.js';

const kindNames = () => Object.keys(documents).join(', ');

/** Structural problems of a document: types, enumerations, ranges, patterns, required and unknown fields, unmodeled nodes. */
export function checkStructure(document: AnyDocument, options: ValidateOptions): Problem[] {
  const kind = (document as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !isKind(kind)) {
    return [{ severity: 'error', path: '', rule: 'kind', message: `unknown document kind ${JSON.stringify(kind)} (supported: ${kindNames()})` }];
  }
  return checkDocument(documents[kind] as DocumentDef, document.doc, { positions: options.positions });
}

/** The JSON Schema (draft 2020-12) of a kind's JSON form, `{ "<kind>": { ... } }` as `toJson` gives it. */
export function jsonSchemaOf(kind: Kind): JsonSchema {
  if (typeof kind !== 'string' || !isKind(kind)) throw new ModelError(`unknown document kind '${String(kind)}' (supported: ${kindNames()})`);
  return jsonSchema(documents[kind] as DocumentDef);
}

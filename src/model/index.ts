/**
 * The document kinds, and kind-independent parse, format and JSON functions that pick the
 * kind from the root element (XML) or the single top-level key (JSON).
 */
import { ModelError } from '../errors.js';
import { decodeDocument, formatDocument, type DocumentDef, type ParseOptions } from '../schema/document.js';
import { parseXml } from '../xml/parser.js';
import { localName } from '../xml/tree.js';
import { domainDocument, type Domain } from './domain/domain.js';

/** Every document kind, by root element name. */
export const documents = {
  domain: domainDocument,
} as const satisfies Record<string, DocumentDef<any>>;

export type Kind = keyof typeof documents;

/** The object type of each kind. */
export interface DocumentTypes {
  domain: Domain;
}

export type AnyDocument = { [K in Kind]: { kind: K; doc: DocumentTypes[K] } }[Kind];

export function isKind(name: string): name is Kind {
  return Object.prototype.hasOwnProperty.call(documents, name);
}

function kindNames(): string {
  return Object.keys(documents).join(', ');
}

/** Parses any supported document; the root element decides the kind. */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): AnyDocument {
  const xml = parseXml(input, options);
  const root = xml.root;
  const kind = localName(root.name);
  if (!isKind(kind)) throw new ModelError(`unsupported document <${root.name}> (supported: ${kindNames()})`);
  const def = documents[kind] as DocumentDef<unknown>;
  return { kind, doc: decodeDocument(def, xml, options) } as AnyDocument;
}

/** Formats a document of the given kind. */
export function format<K extends Kind>(kind: K, doc: DocumentTypes[K]): string {
  if (!isKind(kind)) throw new ModelError(`unsupported document kind '${String(kind)}' (supported: ${kindNames()})`);
  return formatDocument(documents[kind] as DocumentDef<unknown>, doc);
}

/** The JSON form of a document: `{ "domain": { ...typed object... } }`. */
export function toJson(document: AnyDocument): Record<string, unknown> {
  return { [document.kind]: document.doc };
}

/** Reads the JSON form back (after `JSON.parse`). Values are checked when formatting. */
export function fromJson(value: unknown): AnyDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(`expected an object with one key naming the document kind (${kindNames()})`);
  }
  const keys = Object.keys(value);
  if (keys.length !== 1 || !isKind(keys[0])) {
    throw new ModelError(`expected an object with one key naming the document kind (${kindNames()}), found keys: ${keys.join(', ') || 'none'}`);
  }
  const kind = keys[0];
  return { kind, doc: (value as Record<string, unknown>)[kind] } as AnyDocument;
}

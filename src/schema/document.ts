/**
 * Whole documents: a root element definition plus the kind name that identifies it.
 */
import { ModelError } from '../errors.js';
import { parseXml, type ParseXmlOptions } from '../xml/parser.js';
import { localName, type XmlDocument, type XmlNode } from '../xml/tree.js';
import { writeNode } from '../xml/writer.js';
import { decodeElement, encodeElement } from './codec.js';
import type { ElDef, XmlSide } from './define.js';

export interface DocumentDef<T = unknown> {
  /** The document kind, which is also the root element's name (`domain`, `network` ...). */
  readonly kind: string;
  readonly root: ElDef<T>;
}

export function defineDocument<T>(root: ElDef<T>): DocumentDef<T> {
  return { kind: root.name, root };
}

export interface ParseOptions extends ParseXmlOptions {
  /** Called for every node the model does not know and every value it cannot read (`--strict`). */
  report?: (path: string, problem: string) => void;
}

/** Parses XML text or UTF-8 bytes as a document of kind `def`. */
export function parseDocument<T>(def: DocumentDef<T>, input: string | Uint8Array, options: ParseOptions = {}): T {
  return decodeDocument(def, parseXml(input, options), options);
}

/** Reads an already parsed XML document as a document of kind `def`. */
export function decodeDocument<T>(def: DocumentDef<T>, doc: XmlDocument, options: ParseOptions = {}): T {
  const root = doc.root;
  if (localName(root.name) !== def.root.name || root.uri !== def.root.ns?.uri) {
    throw new ModelError(`expected a <${def.root.name}> document, found <${root.name}>`);
  }
  const obj = decodeElement(root, def.root, { report: options.report }, `/${root.name}`);
  if (doc.prolog.length > 0 || doc.epilog.length > 0) {
    const xml: XmlSide = (obj.$xml ??= {});
    if (doc.prolog.length > 0) xml.prolog = doc.prolog;
    if (doc.epilog.length > 0) xml.epilog = doc.epilog;
  }
  return obj as T;
}

/** Formats a typed object as a document of kind `def`. Throws ModelError naming the path of a bad value. */
export function formatDocument<T>(def: DocumentDef<T>, obj: T): string {
  const o = obj as { $xml?: XmlSide } | null;
  const around = (nodes: XmlNode[] | undefined) => (nodes ? nodes.map((n) => writeNode(n, '')).join('') : '');
  return around(o?.$xml?.prolog) + encodeElement(obj, def.root, '', `/${def.root.name}`, {}) + around(o?.$xml?.epilog);
}

/**
 * Whole documents: a root element definition plus the kind name that identifies it.
 */
import { ModelError } from '../errors.js';
import { parseXml, type ParseXmlOptions } from '../xml/parser.js';
import { localName, type XmlDocument, type XmlElement, type XmlNode } from '../xml/tree.js';
import { writeEpilog, writeProlog } from '../xml/writer.js';
import { decodeElement, encodeElement, type SourcePosition } from './codec.js';
import type { ElDef, XmlSide } from './define.js';

export interface DocumentDef<T = unknown> {
  /** The document kind, which is also the root element's name (`domain`, `network` ...). */
  readonly kind: string;
  readonly root: ElDef<T>;
}

export function defineDocument<T>(root: ElDef<T>): DocumentDef<T> {
  return { kind: root.name, root };
}

export interface ParseOptions extends Omit<ParseXmlOptions, 'locate'> {
  /** Called for every node the model does not know and every value it cannot read (`--strict`). */
  report?: (path: string, problem: string) => void;
  /**
   * Filled with the source position of every object read (`positions.get(domain.devices.disk[0])`),
   * so that validation can point at a line and column.
   */
  positions?: WeakMap<object, SourcePosition>;
}

/** The XML parser's options for a parse that should also record positions. */
export function xmlOptions(options: ParseOptions): { xml: ParseXmlOptions; elementPositions?: Map<XmlElement, SourcePosition> } {
  if (!options.positions) return { xml: options };
  const elementPositions = new Map<XmlElement, SourcePosition>();
  return { xml: { ...options, locate: (el, line, column) => elementPositions.set(el, { line, column }) }, elementPositions };
}

/** Parses XML text or UTF-8 bytes as a document of kind `def`. */
export function parseDocument<T>(def: DocumentDef<T>, input: string | Uint8Array, options: ParseOptions = {}): T {
  const { xml, elementPositions } = xmlOptions(options);
  return decodeDocument(def, parseXml(input, xml), options, elementPositions);
}

/** Reads an already parsed XML document as a document of kind `def`. */
export function decodeDocument<T>(
  def: DocumentDef<T>,
  doc: XmlDocument,
  options: ParseOptions = {},
  elementPositions?: Map<XmlElement, SourcePosition>,
): T {
  const root = doc.root;
  if (localName(root.name) !== def.root.name || root.uri !== def.root.ns?.uri) {
    throw new ModelError(`expected a <${def.root.name}> document, found <${root.name}>`);
  }
  const obj = decodeElement(root, def.root, { report: options.report, positions: options.positions, elementPositions }, `/${root.name}`);
  if (doc.prolog.length > 0 || doc.epilog.length > 0) {
    const xml: XmlSide = (obj.$xml ??= {});
    if (doc.prolog.length > 0) xml.prolog = doc.prolog;
    if (doc.epilog.length > 0) xml.epilog = doc.epilog;
  }
  return obj as T;
}

/** Formats a typed object as a document of kind `def`. Throws ModelError naming the path of a bad value. */
export function formatDocument<T>(def: DocumentDef<T>, obj: T): string {
  const xml = (obj as { $xml?: XmlSide } | null)?.$xml;
  const side = typeof xml === 'object' && xml !== null ? xml : undefined;
  try {
    return writeProlog(side?.prolog) + encodeElement(obj, def.root, '', `/${def.root.name}`) + writeEpilog(side?.epilog);
  } catch (e) {
    // Errors of the prolog and epilog come without a path; give them the root's.
    if (e instanceof ModelError && !e.path) throw new ModelError(e.reason, `/${def.root.name}`);
    throw e;
  }
}

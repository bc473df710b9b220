/**
 * The XML tree: plain, JSON-serialisable objects.
 *
 * The same shapes appear inside the typed model wherever a node is kept as it was
 * (unknown elements, foreign-namespace metadata, comments), so they are deliberately
 * small: text is a bare string, an element is `{ name, attrs, children }`.
 */

/** An element. `name` is the qualified name as written (`qemu:arg`). */
export interface XmlElement {
  name: string;
  /** Attributes in document order, by qualified name, values unescaped. Includes `xmlns` declarations. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Namespace URI of the element, when it has one. Derived from the declarations in scope. */
  uri?: string;
}

export interface XmlComment {
  comment: string;
}

export interface XmlCData {
  cdata: string;
}

/** A processing instruction, including the XML declaration (`target: 'xml'`). */
export interface XmlPI {
  pi: string;
  data: string;
}

/** Text is kept as a plain string, already unescaped. */
export type XmlNode = XmlElement | XmlComment | XmlCData | XmlPI | string;

export interface XmlDocument {
  /** Comments and processing instructions before the root element (including `<?xml ...?>`). */
  prolog: XmlNode[];
  root: XmlElement;
  /** Comments and processing instructions after the root element. */
  epilog: XmlNode[];
}

export function isElement(node: XmlNode): node is XmlElement {
  return typeof node === 'object' && 'name' in node;
}

/** Local part of a qualified name (`qemu:arg` -> `arg`). */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** Prefix of a qualified name, or '' (`qemu:arg` -> `qemu`). */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i);
}

/** The namespace a prefix binds to by definition. */
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

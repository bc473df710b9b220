/**
 * libvirt-xml: a typed, lossless model of libvirt's XML documents.
 *
 *   import { parseDomain, formatDomain } from 'libvirt-xml';
 *   const dom = parseDomain(xml);
 *   dom.memory = { value: 4, unit: 'GiB' };
 *   const out = formatDomain(dom);
 */
import type { ParseOptions } from './schema/document.js';
import { formatDocument, parseDocument } from './schema/document.js';
import { domainDocument, type Domain } from './model/domain/domain.js';

export { LibvirtXmlError, XmlSyntaxError, ModelError } from './errors.js';
export { parse, format, toJson, fromJson, documents, isKind, type Kind, type DocumentTypes, type AnyDocument } from './model/index.js';
export type { ParseOptions } from './schema/document.js';
export type { XmlSide } from './schema/define.js';
export * from './model/domain/index.js';
export * as xml from './xml/index.js';
export * as schema from './schema/index.js';

/** Parses a `<domain>` document. */
export function parseDomain(input: string | Uint8Array, options?: ParseOptions): Domain {
  return parseDocument(domainDocument, input, options);
}

/** Formats a domain object as XML in libvirt's style. */
export function formatDomain(domain: Domain): string {
  return formatDocument(domainDocument, domain);
}

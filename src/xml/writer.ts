/**
 * Serialises the tree of tree.ts the way libvirt writes its own documents: two-space
 * indentation, single-quoted attributes, empty elements as `<name/>`, and elements that
 * carry text kept on one line so the text is not changed by added whitespace.
 *
 * Output is always well-formed: every string is escaped, and anything XML 1.0 cannot carry
 * (a control character, a comment holding `--`, an invalid name) is a ModelError, never
 * written.
 */
import { ModelError } from '../errors.js';
import { isXmlDeclarationData } from './parser.js';
import type { XmlDocument, XmlElement, XmlNode } from './tree.js';

/** Characters outside XML 1.0's Char production, including unpaired surrogates. */
const NON_XML_CHAR =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// One test decides whether a string can be returned as it is: it matches everything that
// needs escaping plus everything that might be invalid (any surrogate; pairs are fine and
// are sorted out on the slow path).
const TEXT_NEEDS_WORK = /[&<>'"\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTR_NEEDS_WORK = /[&<>'"\t\n\r\0-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
// libvirt escapes quotes in text too; doing the same keeps its own output byte for byte.
const TEXT_SPECIALS = /[&<>'"\r]/g;
const ATTR_SPECIALS = /[&<>'"\t\n\r]/g;
const ENTITY_FOR: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
const toEntity = (c: string): string => ENTITY_FOR[c];

/** ASCII names take the regex; anything else goes through the full XML 1.0 name rules. */
const ASCII_NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;
const UNICODE_NAME =
  /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}][:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*$/u;

/** Throws a ModelError when `s` holds a character XML 1.0 cannot carry. */
export function checkXmlChars(s: string): void {
  const bad = NON_XML_CHAR.exec(s);
  if (bad) {
    const code = s.codePointAt(bad.index) ?? 0;
    throw new ModelError(`character U+${code.toString(16).toUpperCase().padStart(4, '0')} cannot be written in XML`);
  }
}

/** Escapes text content: `&`, `<`, `>`, quotes (as libvirt does) and CR (which the parser would turn into LF). */
export function escapeText(s: string): string {
  if (!TEXT_NEEDS_WORK.test(s)) return s;
  checkXmlChars(s);
  return s.replace(TEXT_SPECIALS, toEntity);
}

/**
 * Escapes a value for a single-quoted attribute. Tab, LF and CR are written as character
 * references because a parser turns literal ones into spaces.
 */
export function escapeAttr(s: string): string {
  if (!ATTR_NEEDS_WORK.test(s)) return s;
  checkXmlChars(s);
  return s.replace(ATTR_SPECIALS, toEntity);
}

/** A name XML 1.0 + Namespaces accepts: at most one colon, with a name on each side. */
function checkName(name: unknown, what: string): string {
  if (typeof name !== 'string' || !(ASCII_NAME.test(name) || UNICODE_NAME.test(name))) {
    throw new ModelError(`${JSON.stringify(name)} is not a valid XML ${what} name`);
  }
  const colon = name.indexOf(':');
  if (colon >= 0 && (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) >= 0 || /^[-.0-9\u00B7\u0300-\u036F\u203F\u2040]/.test(name.slice(colon + 1)))) {
    throw new ModelError(`${JSON.stringify(name)} is not a valid qualified ${what} name`);
  }
  return name;
}

function startTag(element: XmlElement): string {
  let out = '<' + checkName(element.name, 'element');
  const attrs = element.attrs;
  for (const key of Object.keys(attrs)) {
    const value: unknown = attrs[key];
    if (typeof value !== 'string') {
      throw new ModelError(`attribute ${key} of <${element.name}> is a ${typeof value}, not a string`);
    }
    out += ' ' + checkName(key, 'attribute') + "='" + escapeAttr(value) + "'";
  }
  return out;
}

function writeComment(text: string): string {
  checkXmlChars(text);
  if (text.includes('--') || text.endsWith('-')) {
    throw new ModelError(`comment ${JSON.stringify(text)} cannot be written in XML (it holds '--' or ends in '-')`);
  }
  return '<!--' + text + '-->';
}

/** A `]]>` inside is split between two sections, the only way CDATA can carry it. */
function writeCData(text: string): string {
  checkXmlChars(text);
  return '<![CDATA[' + text.split(']]>').join(']]]]><![CDATA[>') + ']]>';
}

function writePI(target: string, data: string, isDeclaration = false): string {
  checkName(target, 'processing instruction target');
  if (target.includes(':')) throw new ModelError(`processing instruction target ${target} must not contain ':'`);
  if (isDeclaration) {
    if (!isXmlDeclarationData(data)) throw new ModelError(`malformed XML declaration <?xml ${data}?>`);
  } else if (target.toLowerCase() === 'xml') {
    throw new ModelError(`processing instruction target ${target} is reserved (<?xml ...?> may only start the prolog)`);
  }
  checkXmlChars(data);
  if (data.includes('?>')) throw new ModelError(`processing instruction data cannot hold '?>'`);
  return data === '' ? '<?' + target + '?>' : '<?' + target + ' ' + data + '?>';
}

/**
 * Nodes may come from JSON, so their shape is checked before use: a malformed one is a
 * ModelError, never a TypeError.
 */
function checkShape(node: unknown): void {
  if (typeof node === 'string') return;
  if (typeof node !== 'object' || node === null || Array.isArray(node)) throw new ModelError(`not an XML node: ${describe(node)}`);
  const n = node as Record<string, unknown>;
  if ('name' in n) {
    if (typeof n.attrs !== 'object' || n.attrs === null || Array.isArray(n.attrs)) throw new ModelError(`element ${describe(n.name)} has no attribute object`);
    if (!Array.isArray(n.children)) throw new ModelError(`element ${describe(n.name)} has no children array`);
  } else if ('comment' in n) {
    if (typeof n.comment !== 'string') throw new ModelError(`comment is a ${describe(n.comment)}, not a string`);
  } else if ('cdata' in n) {
    if (typeof n.cdata !== 'string') throw new ModelError(`CDATA is a ${describe(n.cdata)}, not a string`);
  } else if ('pi' in n) {
    if (typeof n.pi !== 'string' || typeof n.data !== 'string') throw new ModelError('processing instruction target and data must be strings');
  } else throw new ModelError(`not an XML node: ${describe(node)}`);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : JSON.stringify(v);
}

/** Serialises a leaf node (anything but an element) on its own. */
function writeLeaf(node: Exclude<XmlNode, XmlElement>): string {
  checkShape(node);
  if (typeof node === 'string') return escapeText(node);
  if ('comment' in node) return writeComment(node.comment);
  if ('cdata' in node) return writeCData(node.cdata);
  return writePI(node.pi, node.data);
}

function isElementNode(node: XmlNode): node is XmlElement {
  if (typeof node === 'object' && node !== null && 'name' in node) {
    checkShape(node);
    return true;
  }
  return false;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Whether an element's children can go one per line without changing its text. */
function hasOnlyBlockContent(element: XmlElement): boolean {
  for (const child of element.children) {
    if (typeof child === 'string') {
      if (!isBlank(child)) return false;
    } else if (typeof child === 'object' && child !== null && 'cdata' in child) {
      return false;
    }
  }
  return true;
}

/** An element and everything inside it on one line, adding no whitespace. */
function writeInline(root: XmlElement): string {
  let out = '';
  // Work items: a node still to write, or a literal end tag to emit after its children.
  const pending: (XmlNode | { endTag: string })[] = [root];
  while (pending.length > 0) {
    const item = pending.pop() as XmlNode | { endTag: string };
    if (typeof item === 'object' && item !== null && 'endTag' in item) {
      out += item.endTag;
    } else if (isElementNode(item)) {
      const children = item.children;
      if (children.length === 0) {
        out += startTag(item) + '/>';
      } else {
        out += startTag(item) + '>';
        pending.push({ endTag: '</' + item.name + '>' });
        for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]);
      }
    } else {
      out += writeLeaf(item);
    }
  }
  return out;
}

/**
 * Serialises a node as whole lines, each starting with `indent` and ending in a newline.
 * Elements holding only elements, comments and PIs get one child per line, two spaces
 * deeper (blank text between them is dropped); an element holding any other text or CDATA
 * is written on one line exactly as its content is.
 */
export function writeNode(node: XmlNode, indent: string): string {
  let out = '';
  const pending: ({ node: XmlNode; indent: string } | string)[] = [{ node, indent }];
  while (pending.length > 0) {
    const item = pending.pop() as { node: XmlNode; indent: string } | string;
    if (typeof item === 'string') {
      out += item;
      continue;
    }
    const current = item.node;
    if (!isElementNode(current)) {
      out += item.indent + writeLeaf(current) + '\n';
    } else if (current.children.length === 0) {
      out += item.indent + startTag(current) + '/>\n';
    } else if (!hasOnlyBlockContent(current)) {
      out += item.indent + writeInline(current) + '\n';
    } else {
      out += item.indent + startTag(current) + '>\n';
      pending.push(item.indent + '</' + current.name + '>\n');
      const childIndent = item.indent + '  ';
      const children = current.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (typeof child !== 'string') pending.push({ node: child, indent: childIndent });
      }
    }
  }
  return out;
}

/** The whole document: prolog nodes one per line, the root, then the epilog nodes. */
export function formatXmlDocument(doc: XmlDocument): string {
  if (!isElementNode(doc.root)) throw new ModelError('the document root must be an element');
  return writeProlog(doc.prolog) + writeNode(doc.root, '') + writeEpilog(doc.epilog);
}

/**
 * What comes before the root: an XML declaration first (its encoding rewritten to UTF-8,
 * the only encoding this library writes), then comments and PIs, one per line.
 */
export function writeProlog(nodes: unknown): string {
  if (nodes === undefined) return '';
  if (!Array.isArray(nodes)) throw new ModelError(`expected an array of prolog nodes, got ${describe(nodes)}`);
  let out = '';
  nodes.forEach((node: XmlNode, i) => {
    if (i === 0 && typeof node === 'object' && node !== null && 'pi' in node && node.pi === 'xml') {
      checkShape(node);
      const data = node.data.replace(/(encoding\s*=\s*)(["'])[^"']*\2/, (m, eq: string, q: string) => (/utf-?8/i.test(m) ? m : `${eq}${q}UTF-8${q}`));
      out += writePI(node.pi, data, true) + '\n';
    } else {
      out += writeOutsideRoot(node);
    }
  });
  return out;
}

/** What comes after the root: comments and PIs, one per line. */
export function writeEpilog(nodes: unknown): string {
  if (nodes === undefined) return '';
  if (!Array.isArray(nodes)) throw new ModelError(`expected an array of epilog nodes, got ${describe(nodes)}`);
  let out = '';
  for (const node of nodes) out += writeOutsideRoot(node);
  return out;
}

/** Outside the root only comments and PIs may appear; blank text is layout and is dropped. */
function writeOutsideRoot(node: XmlNode): string {
  checkShape(node);
  if (typeof node === 'string') {
    if (isBlank(node)) return '';
    throw new ModelError('text cannot be written outside the root element');
  }
  if (isElementNode(node)) throw new ModelError(`element <${node.name}> cannot be written outside the root element`);
  if (typeof node === 'object' && node !== null && 'cdata' in node) {
    throw new ModelError('CDATA cannot be written outside the root element');
  }
  return writeNode(node, '');
}

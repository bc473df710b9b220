/**
 * A strict XML 1.0 + Namespaces parser producing the plain tree of tree.ts.
 *
 * Hand-written because it sits on the path of every document the library reads: it scans
 * with indexOf/charCodeAt, keeps no line counter (a position is turned into line and column
 * only when an error is thrown) and tracks nesting with an explicit stack, so no input depth
 * can overflow the call stack. Only the five predefined entities and character references
 * are expanded; DTDs are never read and nothing is ever fetched.
 */
import { XmlSyntaxError } from '../errors.js';
import { XML_NAMESPACE, XMLNS_NAMESPACE, type XmlDocument, type XmlElement, type XmlNode } from './tree.js';

export interface ParseXmlOptions {
  /** Deepest element nesting accepted (the root is depth 1). Default 512. */
  maxDepth?: number;
  /**
   * Called with each element's start-tag position (1-based line and column, in UTF-16 code
   * units), for messages that point into the source. Costs nothing when absent.
   */
  locate?: (element: XmlElement, line: number, column: number) => void;
}

const DEFAULT_MAX_DEPTH = 512;

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const AMP = 38;
const SQUOTE = 39;
const SLASH = 47;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;

const NAME_START = 1;
const NAME_CHAR = 2;
/** Name-character classes of ASCII, so the common case is one table lookup. */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) ASCII_NAME[c] = NAME_START | NAME_CHAR;
  else if (/[0-9.-]/.test(ch)) ASCII_NAME[c] = NAME_CHAR;
}

/**
 * Characters outside XML 1.0's Char production: C0 controls except tab/LF/CR, U+FFFE,
 * U+FFFF and unpaired surrogates. One regex pass over the input is far cheaper than
 * testing every character in the scanners.
 */
const NON_XML_CHAR =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Surrogates cannot come out of a strict UTF-8 decoder, so bytes need only this check. */
const NON_XML_CHAR_BMP = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

const XML_DECLARATION =
  /^version[ \t\n]*=[ \t\n]*(?:'1\.[0-9]+'|"1\.[0-9]+")(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:'[A-Za-z][A-Za-z0-9._-]*'|"[A-Za-z][A-Za-z0-9._-]*"))?(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:'(?:yes|no)'|"(?:yes|no)"))?[ \t\n]*$/;

/** Whether `data` is a valid body for `<?xml ...?>` (version, then optional encoding and standalone). */
export function isXmlDeclarationData(data: string): boolean {
  return XML_DECLARATION.test(data);
}

const PUBID_CHARS = /^[ \na-zA-Z0-9'()+,./:=?;!*#@$_%-]*$/;
const LITERAL_WHITESPACE = /[\t\n]/g;

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The namespace bindings in scope: prefix -> URI, '' being the default namespace ('' when
 * undeclared). One map for the whole document, changed when an element declares namespaces
 * and restored from `undo` when it closes, so lookups stay O(1) however deep the nesting and
 * however many prefixes each level declares.
 */
interface NamespaceBindings {
  current: Map<string, string>;
  /** Pairs of (prefix, URI it had before, or undefined), newest last. */
  undo: (string | undefined)[];
}

/** Namespace declaration or prefixed attribute waiting for the whole start tag to be read. */
interface PendingAttr {
  name: string;
  value: string;
  offset: number;
}

export function parseXml(input: string | Uint8Array, options?: ParseXmlOptions): XmlDocument {
  let s: string;
  let fromBytes = false;
  if (typeof input === 'string') {
    s = input;
  } else if (input instanceof Uint8Array) {
    try {
      s = utf8Decoder.decode(input);
    } catch {
      const [line, column] = invalidUtf8Position(input);
      throw new XmlSyntaxError('invalid UTF-8', line, column);
    }
    fromBytes = true;
  } else {
    throw new XmlSyntaxError('input must be a string or a Uint8Array', 1, 1);
  }
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  const bad = (fromBytes ? NON_XML_CHAR_BMP : NON_XML_CHAR).exec(s);
  if (bad) failAt(s, bad.index, `character ${describeCodeUnit(s, bad.index)} is not allowed in XML`);

  const locate = options?.locate;
  let locLine = 1;
  let locLineStart = 0;
  let locScanned = 0;

  const requestedDepth = options?.maxDepth;
  const maxDepth = typeof requestedDepth === 'number' && !Number.isNaN(requestedDepth) ? requestedDepth : DEFAULT_MAX_DEPTH;

  const len = s.length;
  const prolog: XmlNode[] = [];
  const epilog: XmlNode[] = [];
  let root: XmlElement | undefined;
  let seenDoctype = false;

  // Open elements, where each began (for "not closed" errors) and how long the namespace
  // undo log was before it, to restore its parent's bindings when it closes.
  const openElements: XmlElement[] = [];
  const openOffsets: number[] = [];
  const openUndoMarks: number[] = [];
  let current: XmlElement | undefined;
  const namespaces: NamespaceBindings = { current: new Map(), undo: [] };

  // Next '&' and ']]>' at or after the last place they were looked for. Text between tags
  // is checked against them, so a document without either costs one indexOf each overall.
  let nextAmp = -1;
  let nextCdataEnd = -1;

  let pos = 0;
  for (;;) {
    const lt = s.indexOf('<', pos);
    const textEnd = lt < 0 ? len : lt;

    if (textEnd > pos) {
      if (current !== undefined) {
        if (nextCdataEnd < pos) nextCdataEnd = indexOrEnd(s, ']]>', pos);
        if (nextCdataEnd < textEnd) failAt(s, nextCdataEnd, "']]>' is not allowed in text (write ]]&gt;)");
        if (nextAmp < pos) nextAmp = indexOrEnd(s, '&', pos);
        current.children.push(nextAmp < textEnd ? decodeReferences(s, pos, textEnd, false) : s.slice(pos, textEnd));
      } else {
        for (let i = pos; i < textEnd; i++) {
          const c = s.charCodeAt(i);
          if (c !== SPACE && c !== LF && c !== TAB) {
            failAt(s, i, root === undefined ? 'text before the root element' : 'text after the root element');
          }
        }
      }
    }
    if (lt < 0) break;

    const next = s.charCodeAt(lt + 1);
    if (next === SLASH) {
      // End tag: compare in place with the open element's name before slicing anything.
      if (current === undefined) {
        const nameEnd = scanName(s, lt + 2);
        failAt(s, lt, `end tag </${s.slice(lt + 2, nameEnd)}> has no matching start tag`);
      }
      const expected = current.name;
      let p = lt + 2 + expected.length;
      let c = s.charCodeAt(p);
      if (!s.startsWith(expected, lt + 2) || (c !== GT && !isWhitespace(c) && p < len)) {
        const nameEnd = scanName(s, lt + 2);
        const found = s.slice(lt + 2, nameEnd);
        failAt(s, lt, `mismatched end tag: expected </${expected}>, found </${found}>`);
      }
      while (isWhitespace(c)) c = s.charCodeAt(++p);
      if (c !== GT) {
        failAt(s, p, p >= len ? `unexpected end of input inside </${expected}>` : `expected '>' to end </${expected}>, found ${describeChar(s, p)}`);
      }
      pos = p + 1;
      openElements.pop();
      openOffsets.pop();
      restoreNamespaces(namespaces, openUndoMarks.pop() ?? 0);
      current = openElements.length > 0 ? openElements[openElements.length - 1] : undefined;
      continue;
    }

    if (next === BANG) {
      if (s.startsWith('--', lt + 2)) {
        const close = s.indexOf('--', lt + 4);
        if (close < 0) failAt(s, lt, 'comment is not closed');
        if (s.charCodeAt(close + 2) !== GT) failAt(s, close, "'--' is not allowed inside a comment");
        const node = { comment: s.slice(lt + 4, close) };
        if (current !== undefined) current.children.push(node);
        else (root === undefined ? prolog : epilog).push(node);
        pos = close + 3;
        continue;
      }
      if (s.startsWith('[CDATA[', lt + 2)) {
        if (current === undefined) failAt(s, lt, 'CDATA section outside the root element');
        const close = s.indexOf(']]>', lt + 9);
        if (close < 0) failAt(s, lt, 'CDATA section is not closed');
        current.children.push({ cdata: s.slice(lt + 9, close) });
        pos = close + 3;
        continue;
      }
      if (s.startsWith('DOCTYPE', lt + 2)) {
        if (root !== undefined) failAt(s, lt, 'DOCTYPE is only allowed before the root element');
        if (seenDoctype) failAt(s, lt, 'more than one DOCTYPE');
        seenDoctype = true;
        pos = skipDoctype(s, lt);
        continue;
      }
      failAt(s, lt, "expected a comment, a CDATA section or a DOCTYPE after '<!'");
    }

    if (next === QUESTION) {
      const targetEnd = scanName(s, lt + 2);
      if (targetEnd === lt + 2) failAt(s, lt + 2, `expected a processing instruction target, found ${describeChar(s, lt + 2)}`);
      const target = s.slice(lt + 2, targetEnd);
      if (target.indexOf(':') >= 0) failAt(s, lt + 2, `processing instruction target '${target}' must not contain ':'`);
      const isDeclaration = target === 'xml' && lt === 0;
      if (!isDeclaration && target.length === 3 && target.toLowerCase() === 'xml') {
        failAt(s, lt, target === 'xml' ? 'the XML declaration is only allowed at the very start' : `processing instruction target '${target}' is reserved`);
      }
      let dataStart = targetEnd;
      let c = s.charCodeAt(dataStart);
      if (!(c === QUESTION && s.charCodeAt(dataStart + 1) === GT)) {
        if (!isWhitespace(c)) failAt(s, dataStart, `expected whitespace or '?>' after '<?${target}', found ${describeChar(s, dataStart)}`);
        while (isWhitespace(c)) c = s.charCodeAt(++dataStart);
      }
      const close = s.indexOf('?>', dataStart);
      if (close < 0) failAt(s, lt, 'processing instruction is not closed');
      const data = s.slice(dataStart, close);
      if (isDeclaration && !XML_DECLARATION.test(data)) failAt(s, lt, 'malformed XML declaration');
      const node = { pi: target, data };
      if (current !== undefined) current.children.push(node);
      else (root === undefined ? prolog : epilog).push(node);
      pos = close + 2;
      continue;
    }

    // Start tag.
    if (root !== undefined && current === undefined) failAt(s, lt, 'only one root element is allowed');
    if (openElements.length >= maxDepth) failAt(s, lt, `nesting deeper than ${maxDepth} elements`);
    const nameStart = lt + 1;
    const nameEnd = scanName(s, nameStart);
    if (nameEnd === nameStart) {
      failAt(s, nameStart, lt + 1 >= len ? "unexpected end of input after '<'" : `expected an element name after '<', found ${describeChar(s, nameStart)} (write &lt; for a literal '<')`);
    }
    const name = s.slice(nameStart, nameEnd);
    const nameColon = name.indexOf(':');
    if (nameColon >= 0) checkQName(s, nameStart, name, nameColon);

    const attrs: Record<string, string> = {};
    let declarations: PendingAttr[] | undefined;
    let prefixedAttrs: PendingAttr[] | undefined;
    let attrCount = 0;
    let selfClosing = false;
    let p = nameEnd;
    for (;;) {
      let c = s.charCodeAt(p);
      const spaced = isWhitespace(c);
      while (isWhitespace(c)) c = s.charCodeAt(++p);
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (s.charCodeAt(p + 1) !== GT) failAt(s, p + 1, `expected '>' after '/' in <${name}>, found ${describeChar(s, p + 1)}`);
        p += 2;
        selfClosing = true;
        break;
      }
      if (p >= len) failAt(s, p, `unexpected end of input inside <${name}>`);
      const attrStart = p;
      const attrEnd = scanName(s, p);
      if (attrEnd === p) failAt(s, p, `unexpected ${describeChar(s, p)} in <${name}>`);
      if (!spaced) failAt(s, p, `expected whitespace before attribute in <${name}>`);
      const attrName = s.slice(attrStart, attrEnd);
      p = attrEnd;
      c = s.charCodeAt(p);
      while (isWhitespace(c)) c = s.charCodeAt(++p);
      if (c !== EQUALS) failAt(s, p, `expected '=' after attribute ${attrName}, found ${describeChar(s, p)}`);
      c = s.charCodeAt(++p);
      while (isWhitespace(c)) c = s.charCodeAt(++p);
      if (c !== SQUOTE && c !== DQUOTE) failAt(s, p, `expected a quoted value for attribute ${attrName}, found ${describeChar(s, p)}`);
      const quote = c;
      const valueStart = p + 1;
      // One pass finds the closing quote and whether the slow path is needed.
      let needsDecoding = false;
      let q = valueStart;
      for (;;) {
        if (q >= len) failAt(s, attrStart, `value of attribute ${attrName} is not closed`);
        c = s.charCodeAt(q);
        if (c === quote) break;
        if (c === LT) failAt(s, q, `'<' is not allowed in attribute values (write &lt;)`);
        if (c === AMP || c === LF || c === TAB) needsDecoding = true;
        q++;
      }
      const value = needsDecoding ? decodeReferences(s, valueStart, q, true) : s.slice(valueStart, q);
      p = q + 1;

      if (attrCount++ > 0 && typeof attrs[attrName] === 'string') failAt(s, attrStart, `duplicate attribute ${attrName}`);
      // Own properties only ever hold strings, so the typeof test above ignores inherited
      // members; '__proto__' must be defined rather than assigned to become an own property.
      if (attrName === '__proto__') {
        Object.defineProperty(attrs, attrName, { value, enumerable: true, writable: true, configurable: true });
      } else {
        attrs[attrName] = value;
      }

      const colon = attrName.indexOf(':');
      if (colon >= 0) checkQName(s, attrStart, attrName, colon);
      if (attrName.startsWith('xmlns') && (attrName.length === 5 || colon === 5)) {
        (declarations ??= []).push({ name: attrName, value, offset: attrStart });
      } else if (colon >= 0) {
        (prefixedAttrs ??= []).push({ name: attrName, value, offset: attrStart });
      }
    }

    const undoMark = namespaces.undo.length;
    if (declarations !== undefined) declareNamespaces(s, namespaces, declarations);

    let uri: string | undefined;
    if (nameColon < 0) {
      if (namespaces.undo.length > 0) uri = namespaces.current.get('') || undefined;
    } else {
      const prefix = name.slice(0, nameColon);
      if (prefix === 'xml') uri = XML_NAMESPACE;
      else if (prefix === 'xmlns') failAt(s, nameStart, `element name ${name} must not use the xmlns prefix`);
      else {
        uri = namespaces.current.get(prefix);
        if (uri === undefined) failAt(s, nameStart, `namespace prefix ${prefix} of element ${name} is not bound`);
      }
    }
    if (prefixedAttrs !== undefined) checkAttributePrefixes(s, namespaces.current, prefixedAttrs);

    const element: XmlElement = uri === undefined ? { name, attrs, children: [] } : { name, attrs, children: [], uri };
    if (locate !== undefined) {
      for (let nl = s.indexOf('\n', locScanned); nl >= 0 && nl < lt; nl = s.indexOf('\n', nl + 1)) {
        locLine++;
        locLineStart = nl + 1;
      }
      locScanned = lt;
      locate(element, locLine, lt - locLineStart + 1);
    }
    if (current !== undefined) current.children.push(element);
    else root = element;
    pos = p;
    if (!selfClosing) {
      openElements.push(element);
      openOffsets.push(lt);
      openUndoMarks.push(undoMark);
      current = element;
    } else if (declarations !== undefined) {
      restoreNamespaces(namespaces, undoMark);
    }
  }

  if (current !== undefined) {
    const [line, column] = lineAndColumn(s, openOffsets[openOffsets.length - 1]);
    failAt(s, len, `element <${current.name}> opened at ${line}:${column} is not closed`);
  }
  if (root === undefined) failAt(s, len, 'no root element');
  return { prolog, root, epilog };
}

function isWhitespace(c: number): boolean {
  return c === SPACE || c === LF || c === TAB || c === CR;
}

function indexOrEnd(s: string, needle: string, from: number): number {
  const i = s.indexOf(needle, from);
  return i < 0 ? s.length : i;
}

/** End of the XML Name starting at `start`, or `start` itself when no name starts there. */
function scanName(s: string, start: number): number {
  const len = s.length;
  if (start >= len) return start;
  let p = start;
  let c = s.charCodeAt(p);
  if (c < 128) {
    if ((ASCII_NAME[c] & NAME_START) === 0) return start;
    p++;
  } else {
    const width = nonAsciiNameCharWidth(s, p, true);
    if (width === 0) return start;
    p += width;
  }
  while (p < len) {
    c = s.charCodeAt(p);
    if (c < 128) {
      if ((ASCII_NAME[c] & NAME_CHAR) === 0) break;
      p++;
    } else {
      const width = nonAsciiNameCharWidth(s, p, false);
      if (width === 0) break;
      p += width;
    }
  }
  return p;
}

/** UTF-16 width of the non-ASCII name character at `p` (XML 1.0 5th edition), or 0. */
function nonAsciiNameCharWidth(s: string, p: number, atStart: boolean): number {
  const c = s.charCodeAt(p);
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = s.charCodeAt(p + 1);
    if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
    const codePoint = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
    return codePoint <= 0xeffff ? 2 : 0;
  }
  if (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  ) {
    return 1;
  }
  if (atStart) return 0;
  return c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040 ? 1 : 0;
}

/** Namespaces 1.0 QName: one colon, with an NCName on each side. */
function checkQName(s: string, offset: number, name: string, colon: number): void {
  if (colon === 0 || colon === name.length - 1 || name.indexOf(':', colon + 1) >= 0) {
    failAt(s, offset, `${name} is not a valid qualified name`);
  }
  const c = name.charCodeAt(colon + 1);
  const localStarts = c < 128 ? (ASCII_NAME[c] & NAME_START) !== 0 : nonAsciiNameCharWidth(name, colon + 1, true) > 0;
  if (!localStarts) failAt(s, offset, `${name} is not a valid qualified name`);
}

/** Applies an element's declarations, logging what they replace. */
function declareNamespaces(s: string, namespaces: NamespaceBindings, declarations: PendingAttr[]): void {
  const { current, undo } = namespaces;
  for (const { name, value, offset } of declarations) {
    const prefix = name.length === 5 ? '' : name.slice(6);
    if (prefix === '') {
      if (value === XML_NAMESPACE || value === XMLNS_NAMESPACE) failAt(s, offset, `${value} cannot be the default namespace`);
    } else if (prefix === 'xmlns') {
      failAt(s, offset, 'the xmlns prefix must not be declared');
    } else if (prefix === 'xml') {
      if (value !== XML_NAMESPACE) failAt(s, offset, `the xml prefix can only be bound to ${XML_NAMESPACE}`);
      continue;
    } else if (value === XML_NAMESPACE) {
      failAt(s, offset, `${XML_NAMESPACE} can only be bound to the xml prefix`);
    } else if (value === XMLNS_NAMESPACE) {
      failAt(s, offset, `${XMLNS_NAMESPACE} cannot be bound to a prefix`);
    } else if (value === '') {
      failAt(s, offset, `prefix ${prefix} cannot be undeclared in XML 1.0 (empty xmlns:${prefix})`);
    }
    undo.push(prefix, current.get(prefix));
    current.set(prefix, value);
  }
}

/** Undoes the declarations logged after `mark`, newest first. */
function restoreNamespaces(namespaces: NamespaceBindings, mark: number): void {
  const { current, undo } = namespaces;
  while (undo.length > mark) {
    const previous = undo.pop();
    const prefix = undo.pop() as string;
    if (previous === undefined) current.delete(prefix);
    else current.set(prefix, previous);
  }
}

/** Every attribute prefix must be bound, and no two attributes may share a namespace + local name. */
function checkAttributePrefixes(s: string, bindings: Map<string, string>, attrs: PendingAttr[]): void {
  const expandedNames = attrs.length > 1 ? new Set<string>() : undefined;
  for (const { name, offset } of attrs) {
    const colon = name.indexOf(':');
    const prefix = name.slice(0, colon);
    const uri = prefix === 'xml' ? XML_NAMESPACE : bindings.get(prefix);
    if (uri === undefined) failAt(s, offset, `namespace prefix ${prefix} of attribute ${name} is not bound`);
    if (expandedNames !== undefined) {
      const expanded = `{${uri}}${name.slice(colon + 1)}`;
      if (expandedNames.has(expanded)) failAt(s, offset, `attribute ${name} duplicates another attribute in namespace ${uri}`);
      expandedNames.add(expanded);
    }
  }
}

/**
 * Text or an attribute value with references expanded. In attribute values a literal tab or
 * newline becomes a space (CR is gone already), but one written as a reference stays.
 */
function decodeReferences(s: string, start: number, end: number, isAttribute: boolean): string {
  let out = '';
  let p = start;
  for (;;) {
    let amp = s.indexOf('&', p);
    if (amp < 0 || amp > end) amp = end;
    const chunk = s.slice(p, amp);
    out += isAttribute ? chunk.replace(LITERAL_WHITESPACE, ' ') : chunk;
    if (amp === end) return out;
    const semicolon = s.indexOf(';', amp + 1);
    if (semicolon < 0 || semicolon > end) failAt(s, amp, "'&' must start an entity or character reference (write &amp;)");
    out += expandReference(s, amp, semicolon);
    p = semicolon + 1;
  }
}

function expandReference(s: string, amp: number, semicolon: number): string {
  const ref = s.slice(amp + 1, semicolon);
  switch (ref) {
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'amp':
      return '&';
    case 'apos':
      return "'";
    case 'quot':
      return '"';
  }
  if (s.charCodeAt(amp + 1) === HASH) {
    let codePoint = NaN;
    if (/^#x[0-9A-Fa-f]+$/.test(ref)) codePoint = parseInt(ref.slice(2), 16);
    else if (/^#[0-9]+$/.test(ref)) codePoint = parseInt(ref.slice(1), 10);
    else failAt(s, amp, `malformed character reference &${ref};`);
    if (!isXmlChar(codePoint)) failAt(s, amp, `character reference &${ref}; is not an XML character`);
    return String.fromCodePoint(codePoint);
  }
  if (scanName(ref, 0) === ref.length && ref.length > 0) {
    failAt(s, amp, `undefined entity &${ref}; (only &lt; &gt; &amp; &apos; &quot; and character references are known)`);
  }
  return failAt(s, amp, "'&' must start an entity or character reference (write &amp;)");
}

function isXmlChar(c: number): boolean {
  return (
    c === TAB || c === LF || c === CR || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** Skips `<!DOCTYPE name ExternalID? S? >`; an internal subset is refused outright. */
function skipDoctype(s: string, lt: number): number {
  let p = lt + 9;
  if (!isWhitespace(s.charCodeAt(p))) failAt(s, p, "expected whitespace after '<!DOCTYPE'");
  while (isWhitespace(s.charCodeAt(p))) p++;
  const nameEnd = scanName(s, p);
  if (nameEnd === p) failAt(s, p, `expected the root element name in DOCTYPE, found ${describeChar(s, p)}`);
  p = skipWhitespace(s, nameEnd);
  if (p > nameEnd && (s.startsWith('SYSTEM', p) || s.startsWith('PUBLIC', p))) {
    const isPublic = s.startsWith('PUBLIC', p);
    p += 6;
    if (isPublic) {
      const pubidEnd = skipLiteral(s, p);
      const pubidStart = skipWhitespace(s, p);
      if (!PUBID_CHARS.test(s.slice(pubidStart + 1, pubidEnd - 1))) failAt(s, pubidStart, 'invalid character in DOCTYPE public identifier');
      p = pubidEnd;
    }
    p = skipWhitespace(s, skipLiteral(s, p));
  }
  const c = s.charCodeAt(p);
  if (c === LBRACKET) failAt(s, p, 'DOCTYPE with an internal subset is not supported (no entity expansion)');
  if (c !== GT) failAt(s, p, p >= s.length ? 'DOCTYPE is not closed' : `unexpected ${describeChar(s, p)} in DOCTYPE`);
  return p + 1;
}

function skipWhitespace(s: string, p: number): number {
  while (isWhitespace(s.charCodeAt(p))) p++;
  return p;
}

/** Skips the required whitespace and a quoted literal at `p`, returning the offset after it. */
function skipLiteral(s: string, p: number): number {
  if (!isWhitespace(s.charCodeAt(p))) failAt(s, p, 'expected whitespace in DOCTYPE');
  p = skipWhitespace(s, p);
  const quote = s.charCodeAt(p);
  if (quote !== SQUOTE && quote !== DQUOTE) failAt(s, p, `expected a quoted literal in DOCTYPE, found ${describeChar(s, p)}`);
  const close = s.indexOf(quote === SQUOTE ? "'" : '"', p + 1);
  if (close < 0) failAt(s, p, 'literal in DOCTYPE is not closed');
  return close + 1;
}

function describeChar(s: string, p: number): string {
  if (p >= s.length) return 'end of input';
  const c = s.codePointAt(p) ?? 0;
  if (c > SPACE && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return describeCodeUnit(s, p);
}

function describeCodeUnit(s: string, p: number): string {
  const c = s.codePointAt(p) ?? 0;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Where the first byte sequence that is not UTF-8 starts, as line and column (in characters,
 * counted on the valid text before it). Only run after the decoder has refused the input.
 */
function invalidUtf8Position(bytes: Uint8Array): [number, number] {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else break;
    let cp = b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) break;
    i += need + 1;
  }
  const before = utf8Decoder.decode(bytes.subarray(0, i));
  return lineAndColumn(before, before.length);
}

/** 1-based line and column (in characters) of an offset; only ever run when reporting. */
function lineAndColumn(s: string, offset: number): [number, number] {
  let line = 1;
  let lineStart = 0;
  for (let nl = s.indexOf('\n'); nl >= 0 && nl < offset; nl = s.indexOf('\n', nl + 1)) {
    line++;
    lineStart = nl + 1;
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) {
      const low = s.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
    }
    column++;
  }
  return [line, column];
}

function failAt(s: string, offset: number, reason: string): never {
  const [line, column] = lineAndColumn(s, offset);
  throw new XmlSyntaxError(reason, line, column);
}

/**
 * The codec: reads an XML element into a typed object by its definition, and writes a
 * typed object back as XML. Both directions walk the same compiled tables, so they cannot
 * disagree about where a value lives.
 */
import { ModelError } from '../errors.js';
import { escapeAttr, escapeText, writeNode } from '../xml/writer.js';
import { localName, XML_NAMESPACE, type XmlElement, type XmlNode } from '../xml/tree.js';
import type { AttrField, ChildField, ElDef, Field, LeafField, Namespace, XmlSide } from './define.js';
import type { ValueType } from './values.js';

// ---------------------------------------------------------------------------
// Compiled tables

export interface Slot {
  key: string;
  field: Field;
  /** Position among children, for deciding whether the document order is the model's order. */
  index: number;
  /** For child fields, the resolved definition. */
  def?: ElDef;
  /** Its compiled tables, cached here on first use: cheaper than the WeakMap on every element. */
  compiled?: Compiled;
  /** XML name (attributes: as written; children: local name). */
  xml: string;
  ns?: Namespace;
  /** Position in the table's definition order. */
  pos: number;
  /** Attributes: ` name='` (written before the value) and `/@name` (appended to error paths). */
  attrPrefix: string;
  atPath: string;
}

export interface Table {
  attrs: Map<string, Slot>;
  /** Child elements by match key: local name, or `{uri}local` for namespaced ones. */
  children: Map<string, Slot>;
  text?: Slot;
  any?: Slot;
  /** Every slot in definition order (attributes first as they are defined). */
  ordered: Slot[];
  /** Attribute slots in writing order. */
  attrList: Slot[];
  /** Child slots (child, leaf, flag, any) in writing order; a slot's `index` is its position here. */
  childList: Slot[];
  byKey: Map<string, Slot>;
}

interface Compiled {
  def: ElDef;
  common: Table;
  cases?: Map<string, Table>;
  /** The discriminating attribute's XML name and property. */
  by?: { key: string; xml: string };
  defaultCase?: string;
}

const compiled = new WeakMap<ElDef, Compiled>();

function resolve(def: ElDef | (() => ElDef)): ElDef {
  return typeof def === 'function' ? def() : def;
}

function matchKey(local: string, ns: Namespace | undefined): string {
  return ns ? `{${ns.uri}}${local}` : local;
}

function buildTable(def: ElDef, fieldSets: Array<Record<string, Field>>): Table {
  const table: Table = { attrs: new Map(), children: new Map(), ordered: [], attrList: [], childList: [], byKey: new Map() };
  let index = 0;
  for (const fields of fieldSets) {
    for (const key of Object.keys(fields)) {
      const field = fields[key];
      let slot: Slot;
      switch (field.kind) {
        case 'attr':
          slot = { key, field, index: -1, xml: field.xml ?? key, pos: 0, attrPrefix: ` ${field.xml ?? key}='`, atPath: `/@${field.xml ?? key}` };
          table.attrs.set(slot.xml, slot);
          break;
        case 'text':
          slot = { key, field, index: -1, xml: '#text', pos: 0, attrPrefix: '', atPath: '' };
          table.text = slot;
          break;
        case 'any':
          slot = { key, field, index: index++, xml: '#any', pos: 0, attrPrefix: '', atPath: '' };
          table.any = slot;
          break;
        case 'child': {
          // Definitions may refer to each other; resolve lazily on first compile.
          const childDef = resolve(field.def);
          slot = { key, field, index: index++, def: childDef, xml: childDef.name, ns: childDef.ns, pos: 0, attrPrefix: '', atPath: '' };
          table.children.set(matchKey(slot.xml, slot.ns), slot);
          break;
        }
        case 'leaf':
        case 'flag':
          slot = { key, field, index: index++, xml: field.xml ?? key, ns: field.ns, pos: 0, attrPrefix: '', atPath: '' };
          table.children.set(matchKey(slot.xml, slot.ns), slot);
          break;
      }
      if (table.byKey.has(key)) throw new Error(`definition <${def.name}>: property '${key}' defined twice`);
      table.byKey.set(key, slot);
      slot.pos = table.ordered.length;
      table.ordered.push(slot);
      if (field.kind === 'attr') table.attrList.push(slot);
      else if (field.kind !== 'text') table.childList.push(slot);
    }
  }
  return table;
}

function compile(def: ElDef): Compiled {
  let c = compiled.get(def);
  if (c) return c;
  const common = buildTable(def, [def.fields]);
  c = { def, common };
  if (def.variants) {
    const byField = def.fields[def.variants.by] as AttrField | undefined;
    if (!byField || byField.kind !== 'attr') {
      throw new Error(`definition <${def.name}>: variants are selected by '${def.variants.by}', which must be an attribute`);
    }
    c.by = { key: def.variants.by, xml: byField.xml ?? def.variants.by };
    c.defaultCase = def.variants.default;
    c.cases = new Map();
    for (const [name, fields] of Object.entries(def.variants.cases)) {
      c.cases.set(name, buildTable(def, [def.fields, fields]));
    }
  }
  compiled.set(def, c);
  return c;
}

function tableFor(c: Compiled, discriminator: unknown): Table {
  if (!c.cases) return c.common;
  const name = discriminator === undefined ? c.defaultCase : discriminator;
  return (typeof name === 'string' && c.cases.get(name)) || c.common;
}

/** The compiled fields that apply to `obj`, its variant chosen as parsing and formatting choose it (for validation; read-only). */
export function tableOf(def: ElDef, obj: Readonly<Record<string, unknown>>): Readonly<Table> {
  const c = compiled.get(def) ?? compile(def);
  return c.by ? tableFor(c, obj[c.by.key]) : c.common;
}

// ---------------------------------------------------------------------------
// Parsing

export interface DecodeOptions {
  /** Called for every node the model does not know and every value it cannot read. */
  report?: (path: string, problem: string) => void;
  /** Filled with the source position of every object read, when given. */
  positions?: WeakMap<object, SourcePosition>;
  /** Positions of the XML elements, as the parser's `locate` reported them. */
  elementPositions?: Map<XmlElement, SourcePosition>;
}

/** Where an element starts in its source text (1-based). */
export interface SourcePosition {
  line: number;
  column: number;
}

type Obj = Record<string, unknown> & { $xml?: XmlSide };

function side(obj: Obj): XmlSide {
  return (obj.$xml ??= {});
}

function isWhitespace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function decodeValue(obj: Obj, key: string, type: ValueType<unknown>, raw: string, opts: DecodeOptions, path: string | undefined): unknown {
  if (type.exact) return raw;
  const value = type.decode(raw);
  if (value === undefined) {
    (side(obj).invalid ??= {})[key] = raw;
    opts.report?.(path!, `invalid value '${raw}' (expected ${type.name})`);
    return undefined;
  }
  if (type.encode(value) !== raw) (side(obj).spell ??= {})[key] = raw;
  return value;
}

/** Text content of a leaf element; anything else it holds goes to `leafSide`. */
function leafContent(node: XmlElement): { text: string; extra: boolean } {
  const kids = node.children;
  if (kids.length === 1 && typeof kids[0] === 'string') return { text: kids[0], extra: false };
  let text = '';
  let extra = false;
  for (const k of kids) {
    if (typeof k === 'string') text += k;
    else if ('cdata' in k) text += k.cdata;
    else extra = true;
  }
  return { text, extra };
}

/** Reads `node` as an object of definition `def`. */
/** Per-depth scratch arrays for the child order, so parsing allocates one only when it is kept. */
const orderScratch: (string | XmlNode | { text: string })[][] = [];

/** Sets an own property even for the name `__proto__`, which plain assignment would not. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function decodeElement(node: XmlElement, def: ElDef, opts: DecodeOptions, path?: string, depth = 0): Obj {
  if (depth > 0) return decodeCompiled(node, compiled.get(def) ?? compile(def), opts, path, depth);
  return guardStack(() => decodeCompiled(node, compiled.get(def) ?? compile(def), opts, path, depth), path ?? '');
}

/**
 * The depth limit keeps recursion far from the stack's end, but the stack a call starts
 * with is the caller's; should it still run out, that is a ModelError, never a RangeError.
 */
function guardStack<T>(run: () => T, path: string): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new ModelError('nesting too deep for the stack', path);
    throw e;
  }
}

function decodeCompiled(node: XmlElement, c: Compiled, opts: DecodeOptions, path: string | undefined, depth: number): Obj {
  if (depth > MAX_DEPTH) throw new ModelError(`nesting deeper than ${MAX_DEPTH} elements`, path ?? '');
  const table = c.by ? tableFor(c, node.attrs[c.by.xml]) : c.common;
  const obj: Obj = {};
  const reporting = opts.report !== undefined;
  if (opts.positions !== undefined) {
    const at = opts.elementPositions?.get(node);
    if (at) opts.positions.set(obj, at);
  }

  // Attributes
  const attrs = node.attrs;
  for (const name in attrs) {
    const raw = attrs[name];
    const slot = table.attrs.get(name);
    if (slot) {
      const v = decodeValue(obj, slot.key, (slot.field as AttrField).type, raw, opts, reporting ? `${path}/@${name}` : undefined);
      if (v !== undefined) obj[slot.key] = v;
    } else {
      setOwn((side(obj).attrs ??= {}), name, raw);
      if (reporting && !name.startsWith('xmlns')) opts.report!(`${path}/@${name}`, 'unmodeled');
    }
  }

  const kids = node.children;
  if (kids.length === 0) return obj;

  // Children
  // The first `orderLength` entries are this element's; later ones are left over from earlier
  // elements and are overwritten rather than cleared (truncating an array calls the runtime).
  const order = (orderScratch[depth] ??= []);
  let orderLength = 0;
  let keepOrder = false;
  let lastIndex = -1;
  let maxIndex = -1;
  let text: string | undefined;
  let counts: Map<string, number> | undefined;
  const anyNodes: XmlNode[] | undefined = table.any ? [] : undefined;

  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i];
    if (typeof kid === 'string') {
      if (table.text) text = text === undefined ? kid : text + kid;
      else if (!isWhitespace(kid)) {
        if (anyNodes) anyNodes.push(kid);
        else {
          order[orderLength++] = { text: kid };
          keepOrder = true;
          if (reporting) opts.report!(`${path}/text()`, 'unmodeled');
        }
      }
      continue;
    }
    if (!('name' in kid)) {
      if ('cdata' in kid && table.text) {
        text = text === undefined ? kid.cdata : text + kid.cdata;
        continue;
      }
      if (anyNodes) anyNodes.push(kid);
      else {
        // Comments and PIs are kept where they were; CDATA in element-only content too.
        order[orderLength++] = kid;
        keepOrder = true;
      }
      continue;
    }
    const slot = table.children.get(kid.uri === undefined ? kid.name : `{${kid.uri}}${localName(kid.name)}`);
    if (!slot) {
      if (anyNodes) {
        anyNodes.push(kid);
        continue;
      }
      order[orderLength++] = kid;
      keepOrder = true;
      if (reporting) {
        counts ??= new Map();
        const n = (counts.get(kid.name) ?? 0) + 1;
        counts.set(kid.name, n);
        opts.report!(`${path}/${kid.name}[${n}]`, 'unmodeled');
      }
      continue;
    }
    if (slot.index < lastIndex) keepOrder = true;
    lastIndex = slot.index;
    // A slot past every one read so far cannot have been read already (saves a property load).
    const repeatable = slot.index <= maxIndex;
    if (slot.index > maxIndex) maxIndex = slot.index;
    order[orderLength++] = slot.key;
    const field = slot.field;
    const many = (field as ChildField | LeafField).many === true;
    let childPath: string | undefined;
    if (reporting) {
      if (many) {
        counts ??= new Map();
        const n = (counts.get(kid.name) ?? 0) + 1;
        counts.set(kid.name, n);
        childPath = `${path}/${kid.name}[${n}]`;
      } else childPath = `${path}/${kid.name}`;
    }
    if (!many && repeatable && obj[slot.key] !== undefined) {
      // A second occurrence of a single-valued child: keep it as it was, not silently merge.
      order[orderLength - 1] = kid;
      keepOrder = true;
      if (reporting) opts.report!(childPath!, 'unmodeled (repeated)');
      continue;
    }
    let value: unknown;
    switch (field.kind) {
      case 'child':
        value = decodeCompiled(kid, (slot.compiled ??= compile(slot.def!)), opts, childPath, depth + 1);
        break;
      case 'leaf':
        value = decodeLeaf(obj, slot, kid, opts, childPath, depth);
        break;
      case 'flag':
        value = true;
        if (kid.children.length > 0 || hasAttrs(kid)) {
          const leafSide = decodeCompiled(kid, EMPTY_COMPILED, opts, childPath, depth + 1);
          (side(obj).leaf ??= {})[slot.key] = leafSide.$xml!;
        }
        break;
    }
    if (value === undefined) {
      // An unreadable leaf value: keep the element itself.
      order[orderLength - 1] = kid;
      keepOrder = true;
      continue;
    }
    if (many) {
      const arr = obj[slot.key] as unknown[] | undefined;
      if (arr) arr.push(value);
      else obj[slot.key] = [value];
    } else obj[slot.key] = value;
  }

  // Indentation between child elements is not text content.
  if (text !== undefined && lastIndex >= 0 && isWhitespace(text)) text = undefined;
  if (text !== undefined && table.text) {
    const v = decodeValue(obj, table.text.key, (table.text.field as { type: ValueType<unknown> }).type, text, opts, reporting ? `${path}/text()` : undefined);
    if (v !== undefined) obj[table.text.key] = v;
  }
  if (anyNodes) obj[table.any!.key] = anyNodes;
  if (keepOrder) side(obj).order = order.slice(0, orderLength);
  return obj;
}

const EMPTY: ElDef = { name: '', fields: {} };
const EMPTY_COMPILED = compile(EMPTY);

function hasAttrs(node: XmlElement): boolean {
  for (const _ in node.attrs) return true;
  return false;
}

function decodeLeaf(parent: Obj, slot: Slot, node: XmlElement, opts: DecodeOptions, path: string | undefined, depth: number): unknown {
  const field = slot.field as LeafField;
  const { text, extra } = leafContent(node);
  let value: unknown;
  if (field.type.exact) value = text;
  else {
    value = field.type.decode(text);
    if (value === undefined) {
      opts.report?.(path!, `invalid value '${text}' (expected ${field.type.name})`);
      return undefined;
    }
    if (field.type.encode(value) !== text) {
      if (field.many) return undefined; // rare: keep the element as it was rather than track per-item spellings
      (side(parent).spell ??= {})[slot.key] = text;
    }
  }
  if (extra || hasAttrs(node)) {
    if (field.many) return undefined;
    const leafSide = decodeElement({ name: node.name, attrs: node.attrs, children: node.children.filter((k) => typeof k !== 'string' && !('cdata' in k)) }, EMPTY, opts, path, depth + 1);
    if (leafSide.$xml) (side(parent).leaf ??= {})[slot.key] = leafSide.$xml;
  }
  return value;
}

// ---------------------------------------------------------------------------
// Formatting
//
// Output goes into one accumulator string; paths for error messages are only built when
// an error is thrown, since formatting is on the hot path of every round trip.

/**
 * Namespaces in scope while formatting: URI -> prefix to choose names, prefix -> URI to refuse
 * a name whose prefix nothing declares (side data from JSON may hold anything).
 */
interface Scope {
  byUri: Map<string, string>;
  byPrefix: Map<string, string>;
}

export function rootScope(): Scope {
  return { byUri: new Map(), byPrefix: new Map([['xml', XML_NAMESPACE]]) };
}

/**
 * Deepest nesting the codec reads or writes: the XML layer's default limit. libvirt's documents
 * stay far below it, and recursion this deep fits any stack Node starts with.
 */
export const MAX_DEPTH = 512;

interface Out {
  s: string;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'string' ? `'${v}'` : typeof v === 'object' ? 'object' : String(v);
}

// Error paths are passed as a base and a suffix and joined only when an error is thrown.
function encodeValue(type: ValueType<unknown>, value: unknown, xml: XmlSide | undefined, key: string, path: string, suffix: string): string {
  // Exact types hold strings (values.ts), which are written as they are: no call needed.
  if (type.exact && typeof value === 'string') return value;
  if (!type.is(value)) throw new ModelError(`expected ${type.name}, got ${typeName(value)}`, path + suffix);
  if (type.exact) return value as string;
  const spelled = xml?.spell?.[key];
  if (spelled !== undefined && type.decode(spelled) === value) return spelled;
  return type.encode(value);
}

/** Escapes for an attribute or text; a character XML cannot carry becomes an error naming `path`. */
function escaped(escape: (s: string) => string, s: string, path: string, suffix: string): string {
  try {
    return escape(s);
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(e.reason, path + suffix);
    throw e;
  }
}

/**
 * The fields present on `o`, in definition order, found with one pass over its own keys
 * (a document sets few of the many fields a definition has). Unknown keys are errors.
 */
function presentSlots(o: Obj, table: Table, path: string, into: Slot[]): Slot[] {
  into.length = 0;
  const byKey = table.byKey;
  for (const key in o) {
    const slot = byKey.get(key);
    if (slot === undefined) {
      if (key === '$xml' || o[key] === undefined) continue;
      throw new ModelError(`unknown property '${key}'`, path);
    }
    if (o[key] === undefined) continue;
    // Insertion sort: parsed objects already hold their keys in (nearly) definition order.
    let i = into.length;
    into.push(slot);
    while (i > 0 && into[i - 1].pos > slot.pos) {
      into[i] = into[i - 1];
      i--;
    }
    into[i] = slot;
  }
  return into;
}

/** Appends the attributes of an object (with leading spaces): typed ones, then invalid and unknown ones. */
function encodeAttrs(out: Out, o: Obj, present: Slot[], table: Table, path: string, scope: Scope): void {
  const xml = o.$xml;
  for (let i = 0; i < present.length; i++) {
    const slot = present[i];
    if (slot.field.kind !== 'attr') continue;
    const s = encodeValue((slot.field as AttrField).type, o[slot.key], xml, slot.key, path, slot.atPath);
    out.s += slot.attrPrefix + escaped(escapeAttr, s, path, slot.atPath) + "'";
  }
  const invalid = xml?.invalid;
  if (invalid) {
    for (const key in invalid) {
      const slot = table.byKey.get(key);
      if (!slot || slot.field.kind !== 'attr' || o[key] !== undefined) continue;
      out.s += slot.attrPrefix + escaped(escapeAttr, String(invalid[key]), path, slot.atPath) + "'";
    }
  }
  const attrs = xml?.attrs;
  if (attrs) {
    if (typeof attrs !== 'object') throw new ModelError(`expected an object in $xml.attrs, got ${typeName(attrs)}`, path);
    for (const name in attrs) {
      const value: unknown = attrs[name];
      if (typeof value !== 'string') throw new ModelError(`expected a string, got ${typeName(value)}`, `${path}/@${name}`);
      if (!XML_NAME.test(name)) throw new ModelError(`'${name}' is not a valid attribute name`, path);
      checkPrefix(name, scope, path);
      const typed = table.attrs.get(name);
      if (typed && (o[typed.key] !== undefined || invalid?.[typed.key] !== undefined)) {
        throw new ModelError(`attribute '${name}' is given twice: as '${typed.key}' and in $xml.attrs`, path);
      }
      out.s += ` ${name}='${escaped(escapeAttr, value, path, `/@${name}`)}'`;
    }
  }
}

/** Names the library writes from side data; the XML writer checks names of kept nodes itself. */
const XML_NAME = /^[A-Za-z_\u00C0-\uFFFD][\w.\-\u00B7-\uFFFD]*(:[A-Za-z_\u00C0-\uFFFD][\w.\-\u00B7-\uFFFD]*)?$/;

/** The scope inside an element, after the namespace declarations among its side attributes. */
function scopeWith(scope: Scope, attrs: Record<string, string>, elementUri: string | undefined, path: string): Scope {
  let next: Scope | undefined;
  for (const name in attrs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    const uri = attrs[name];
    if (name === 'xmlns') {
      // Elements of libvirt's own (empty) namespace are written unprefixed, so a default
      // namespace would move them; namespaced ones are written with a prefix and stay put.
      if (uri === '' && elementUri === undefined) continue;
      if (elementUri === undefined) throw new ModelError(`a default namespace declaration (xmlns='${uri}') would move this element out of libvirt's namespace`, path);
    } else if (uri === '') throw new ModelError(`'${name}' cannot undeclare a prefix in XML 1.0`, path);
    next ??= { byUri: new Map(scope.byUri), byPrefix: new Map(scope.byPrefix) };
    const prefix = name === 'xmlns' ? '' : name.slice(6);
    next.byUri.set(uri, prefix);
    next.byPrefix.set(prefix, uri);
  }
  return next ?? scope;
}

/** Refuses a qualified name whose prefix is not declared in `scope`. */
function checkPrefix(name: string, scope: Scope, path: string): void {
  const colon = name.indexOf(':');
  if (colon < 0) return;
  const prefix = name.slice(0, colon);
  if (prefix === 'xmlns') return;
  if (!scope.byPrefix.has(prefix)) throw new ModelError(`namespace prefix '${prefix}' of '${name}' is not declared`, path);
}

/** The qualified name to write for an element in namespace `ns`, and a declaration when none is in scope. */
function qualify(local: string, ns: Namespace | undefined, scope: Scope): { name: string; decl: string } {
  if (!ns) return { name: local, decl: '' };
  const prefix = scope.byUri.get(ns.uri);
  if (prefix !== undefined) return { name: prefix ? `${prefix}:${local}` : local, decl: '' };
  return { name: `${ns.prefix}:${local}`, decl: ` xmlns:${ns.prefix}='${escapeAttr(ns.uri)}'` };
}

function isStrayText(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && 'text' in entry && !('name' in entry);
}

/** Side data may come from JSON: check its shape once per element before any of it is used. */
function checkSide(xml: unknown, path: string): asserts xml is XmlSide | undefined {
  if (xml === undefined) return;
  if (typeof xml !== 'object' || xml === null || Array.isArray(xml)) throw new ModelError(`expected an object in $xml, got ${typeName(xml)}`, path);
  const x = xml as Record<string, unknown>;
  for (const key of ['attrs', 'spell', 'invalid', 'leaf'] as const) {
    const v = x[key];
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) throw new ModelError(`expected an object in $xml.${key}, got ${typeName(v)}`, path);
  }
  for (const key of ['spell', 'invalid'] as const) {
    const v = x[key] as Record<string, unknown> | undefined;
    if (v) for (const k in v) if (typeof v[k] !== 'string') throw new ModelError(`expected a string in $xml.${key}.${k}, got ${typeName(v[k])}`, path);
  }
  for (const key of ['order', 'prolog', 'epilog'] as const) {
    const v = x[key];
    if (v !== undefined && !Array.isArray(v)) throw new ModelError(`expected an array in $xml.${key}, got ${typeName(v)}`, path);
  }
}

/** Writes `obj` as the element of definition `def`, indented by `indent`, ending with a newline. */
export function encodeElement(obj: unknown, def: ElDef, indent: string, path: string, scope: Scope = rootScope()): string {
  const out: Out = { s: '' };
  guardStack(() => writeElement(out, obj, compiled.get(def) ?? compile(def), indent, '\n', path, scope, 0), path);
  return out.s;
}

/** Per-depth scratch arrays for the present fields, so formatting does not allocate them. */
const presentScratch: Slot[][] = [];

/**
 * Appends one element. `nl` is '\n' for block layout and '' inside inline content (next to
 * text), where no whitespace may be added.
 */
function writeElement(out: Out, obj: unknown, c: Compiled, indent: string, nl: string, path: string, scope: Scope, depth: number): void {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new ModelError(`expected an object, got ${typeName(obj)}`, path);
  }
  if (depth > MAX_DEPTH) throw new ModelError(`nesting deeper than ${MAX_DEPTH} elements`, path);
  const o = obj as Obj;
  const def = c.def;
  const table = c.by ? tableFor(c, o[c.by.key]) : c.common;
  const present = presentSlots(o, table, path, (presentScratch[depth] ??= []));
  const xml = o.$xml;
  checkSide(xml, path);
  const innerScope = xml?.attrs ? scopeWith(scope, xml.attrs, def.ns?.uri, path) : scope;
  let name = def.name;
  let childScope = innerScope;
  out.s += indent + '<';
  if (def.ns) {
    const q = qualify(def.name, def.ns, innerScope);
    name = q.name;
    out.s += name;
    encodeAttrs(out, o, present, table, path, innerScope);
    if (q.decl) {
      out.s += q.decl;
      childScope = { byUri: new Map(innerScope.byUri), byPrefix: new Map(innerScope.byPrefix) };
      childScope.byUri.set(def.ns.uri, def.ns.prefix);
      childScope.byPrefix.set(def.ns.prefix, def.ns.uri);
    }
  } else {
    out.s += name;
    encodeAttrs(out, o, present, table, path, innerScope);
  }

  // Text content, or stray text kept in the order, makes the element's content inline.
  let text: string | undefined;
  const textSlot = table.text;
  if (textSlot) {
    const v = o[textSlot.key];
    if (v !== undefined) text = encodeValue((textSlot.field as { type: ValueType<unknown> }).type, v, xml, textSlot.key, path, '/text()');
    else text = xml?.invalid?.[textSlot.key];
  }
  const order = xml?.order;
  if (text || (order && order.some(isStrayText)) || (table.any && hasText(o[table.any.key]))) {
    out.s += '>';
    if (text) out.s += escaped(escapeText, text, path, '/text()');
    writeChildren(out, o, present, table, '', '', path, childScope, depth);
    out.s += `</${name}>${nl}`;
    return;
  }
  if (!hasContent(o, present)) {
    out.s += '/>' + nl;
    return;
  }
  out.s += '>' + nl;
  writeChildren(out, o, present, table, nl ? indent + '  ' : '', nl, path, childScope, depth);
  out.s += `${indent}</${name}>${nl}`;
}

/** Whether free-form content holds text, which makes it mixed content to be written inline. */
function hasText(nodes: unknown): boolean {
  if (!Array.isArray(nodes)) return false;
  for (const n of nodes) {
    if (typeof n === 'string' ? !isWhitespace(n) : typeof n === 'object' && n !== null && 'cdata' in n) return true;
  }
  return false;
}

/** Whether writing the children of `o` will produce anything (decides `<x/>` vs `<x>...</x>`). */
function hasContent(o: Obj, present: Slot[]): boolean {
  const order = o.$xml?.order;
  if (Array.isArray(order)) {
    for (let i = 0; i < order.length; i++) if (typeof order[i] !== 'string') return true;
  }
  for (let i = 0; i < present.length; i++) {
    const slot = present[i];
    const kind = slot.field.kind;
    if (kind === 'attr' || kind === 'text') continue;
    const v = o[slot.key];
    if (v === false) continue;
    if (!Array.isArray(v)) return true;
    if (kind !== 'any') {
      if (v.length > 0) return true;
    } else if (v.some((n) => typeof n !== 'string' || !isWhitespace(n))) return true;
  }
  return false;
}

/**
 * Appends the children of an object: in document order when one was kept, then whatever
 * the order does not mention (added in code) in model order.
 */
function writeChildren(out: Out, o: Obj, present: Slot[], table: Table, indent: string, nl: string, path: string, scope: Scope, depth: number): void {
  const order = o.$xml?.order;
  let used: number[] | undefined;
  if (order) {
    if (!Array.isArray(order)) throw new ModelError(`expected an array in $xml.order, got ${typeName(order)}`, path);
    used = new Array<number>(table.childList.length).fill(0);
    for (let i = 0; i < order.length; i++) {
      const entry = order[i];
      if (typeof entry === 'string') {
        const slot = table.byKey.get(entry);
        if (!slot || slot.index < 0) continue;
        const n = used[slot.index]++;
        const v = o[entry];
        if (v === undefined) continue;
        if ((slot.field as ChildField).many) {
          if (Array.isArray(v) && n < v.length) writeSlotItem(out, o, slot, v[n], n, indent, nl, path, scope, depth);
        } else if (n === 0) writeSlotItem(out, o, slot, v, -1, indent, nl, path, scope, depth);
      } else if (isStrayText(entry)) {
        const text = (entry as { text: unknown }).text;
        if (typeof text !== 'string') throw new ModelError(`expected a string in $xml.order text, got ${typeName(text)}`, path);
        const t = escaped(escapeText, text, path, '');
        out.s += nl ? indent + t + nl : t;
      } else out.s += writeKeptNode(entry as XmlNode, indent, nl, path, scope);
    }
  }
  // Children write their own present fields into deeper scratch arrays, so this list stays intact.
  for (let i = 0; i < present.length; i++) {
    const slot = present[i];
    const field = slot.field;
    if (field.kind === 'attr' || field.kind === 'text') continue;
    const v = o[slot.key];
    const from = used ? used[slot.index] : 0;
    if (field.kind === 'any') {
      if (from > 0) continue;
      if (!Array.isArray(v)) throw new ModelError(`expected an array of XML nodes, got ${typeName(v)}`, `${path}/${slot.key}`);
      for (const node of v as XmlNode[]) {
        // Blank text is layout in block content, but part of the text in inline (mixed) content.
        if (nl && typeof node === 'string' && isWhitespace(node)) continue;
        out.s += writeKeptNode(node, indent, nl, path, scope);
      }
    } else if ((field as ChildField | LeafField).many) {
      if (!Array.isArray(v)) throw new ModelError(`expected an array, got ${typeName(v)}`, `${path}/${slot.xml}`);
      for (let j = from; j < v.length; j++) writeSlotItem(out, o, slot, v[j], j, indent, nl, path, scope, depth);
    } else if (from === 0) writeSlotItem(out, o, slot, v, -1, indent, nl, path, scope, depth);
  }
}

/**
 * Refuses a kept element whose names use a prefix that neither the scope nor the kept
 * subtree declares, or that is nested absurdly deep (nodes from JSON may hold anything).
 * Iterative: kept trees may be deep.
 */
function checkKeptNamespaces(node: XmlNode, scope: Scope, path: string): void {
  const stack: { node: XmlNode; prefixes: Set<string> | undefined; depth: number }[] = [{ node, prefixes: undefined, depth: 1 }];
  while (stack.length > 0) {
    const { node: n, prefixes, depth } = stack.pop()!;
    if (typeof n !== 'object' || n === null || !('name' in n)) continue;
    // Indentation grows with depth, so an unbounded tree would give quadratic output.
    if (depth > MAX_DEPTH) throw new ModelError(`kept XML nested deeper than ${MAX_DEPTH} elements`, path);
    const el = n as XmlElement;
    if (typeof el.attrs !== 'object' || el.attrs === null || !Array.isArray(el.children)) continue; // the writer reports the shape
    let mine = prefixes;
    for (const name in el.attrs) {
      if (!name.startsWith('xmlns:')) continue;
      if (el.attrs[name] === '') throw new ModelError(`'${name}' cannot undeclare a prefix in XML 1.0`, path);
      mine = new Set(mine);
      mine.add(name.slice(6));
    }
    const bound = (qname: unknown) => {
      if (typeof qname !== 'string') return;
      const colon = qname.indexOf(':');
      if (colon < 0) return;
      const prefix = qname.slice(0, colon);
      if (prefix === 'xmlns' || scope.byPrefix.has(prefix) || mine?.has(prefix)) return;
      throw new ModelError(`namespace prefix '${prefix}' of '${qname}' is not declared`, path);
    };
    bound(el.name);
    for (const name in el.attrs) bound(name);
    for (const child of el.children) stack.push({ node: child, prefixes: mine, depth: depth + 1 });
  }
}

/** A node kept as it was (unknown element, comment, free-form content). */
function writeKeptNode(node: XmlNode, indent: string, nl: string, path: string, scope: Scope): string {
  if (typeof node === 'string') {
    const t = escaped(escapeText, node, path, '');
    return nl ? indent + t + nl : t;
  }
  if (typeof node !== 'object' || node === null) throw new ModelError(`expected an XML node, got ${typeName(node)}`, path);
  checkKeptNamespaces(node, scope, path);
  try {
    const s = writeNode(node, indent);
    return nl ? s : s.slice(0, -1);
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(e.reason, path);
    // A malformed node from JSON (an element without attrs, say) is the input's fault.
    throw new ModelError(`malformed XML node: ${e instanceof Error ? e.message : String(e)}`, path);
  }
}

/**
 * Appends one item of a slot; `i` is its index for arrays, -1 for single values.
 *
 * The item's path (`/disk[2]`) is built only when an error comes through: everything written
 * inside the item reports paths relative to it (the item itself is ''), and the catch below puts
 * this item's part in front as the error passes up. Building every item's path up front cost
 * about a tenth of formatting.
 */
function writeSlotItem(out: Out, o: Obj, slot: Slot, v: unknown, i: number, indent: string, nl: string, path: string, scope: Scope, depth: number): void {
  // Paths below are relative to the item (''). The leaf case lives in writeLeaf to keep the
  // frames of the recursion (writeElement, writeChildren, writeSlotItem) small: deep
  // documents must meet the depth limit before the stack's.
  try {
    const field = slot.field;
    switch (field.kind) {
      case 'child':
        writeElement(out, v, (slot.compiled ??= compile(slot.def!)), indent, nl, '', scope, depth + 1);
        return;
      case 'flag': {
        if (typeof v !== 'boolean') throw new ModelError(`expected true or false, got ${typeName(v)}`, '');
        if (!v) return;
        const leafSide = o.$xml?.leaf?.[slot.key] as XmlSide | undefined;
        // A flag is an element with no fields of its own; its definition is made once per slot.
        slot.def ??= { name: slot.xml, ns: slot.ns, fields: {} };
        writeElement(out, leafSide ? { $xml: leafSide } : {}, (slot.compiled ??= compile(slot.def)), indent, nl, '', scope, depth + 1);
        return;
      }
      case 'leaf':
        writeLeaf(out, o, slot, field, v, i, indent, nl, '', scope, depth);
        return;
      default:
        return;
    }
  } catch (e) {
    if (e instanceof ModelError) throw new ModelError(e.reason, `${path}/${slot.xml}${i >= 0 ? `[${i + 1}]` : ''}${e.path}`);
    throw e;
  }
}

/** Writes one leaf element: its text, and the attributes and nodes its side data keeps. */
function writeLeaf(out: Out, o: Obj, slot: Slot, field: LeafField, v: unknown, i: number, indent: string, nl: string, path: string, scope: Scope, depth: number): void {
  const s = encodeValue(field.type, v, i < 0 ? o.$xml : undefined, slot.key, path, '');
  const leafSide = i < 0 ? (o.$xml?.leaf?.[slot.key] as XmlSide | undefined) : undefined;
  const { name, decl } = slot.ns ? qualify(slot.xml, slot.ns, scope) : { name: slot.xml, decl: '' };
  out.s += `${indent}<${name}`;
  checkSide(leafSide, path);
  if (leafSide?.attrs) encodeAttrs(out, { $xml: leafSide }, [], EMPTY_TABLE, path, scope);
  out.s += decl;
  const t = escaped(escapeText, s, path, '');
  if (leafSide?.order) {
    out.s += `>${t}`;
    writeChildren(out, { $xml: leafSide }, [], EMPTY_TABLE, '', '', path, scope, depth + 1);
    out.s += `</${name}>${nl}`;
  } else if (s === '') out.s += `/>${nl}`;
  else out.s += `>${t}</${name}>${nl}`;
}

const EMPTY_TABLE: Table = { attrs: new Map(), children: new Map(), ordered: [], attrList: [], childList: [], byKey: new Map() };

/**
 * The codec: reads an XML element into a typed object by its definition, and writes a
 * typed object back as XML. Both directions walk the same compiled tables, so they cannot
 * disagree about where a value lives.
 */
import { ModelError } from '../errors.js';
import { escapeAttr, escapeText, writeNode } from '../xml/writer.js';
import { localName, type XmlElement, type XmlNode } from '../xml/tree.js';
import type { AttrField, ChildField, ElDef, Field, LeafField, Namespace, XmlSide } from './define.js';
import type { ValueType } from './values.js';

// ---------------------------------------------------------------------------
// Compiled tables

interface Slot {
  key: string;
  field: Field;
  /** Position among children, for deciding whether the document order is the model's order. */
  index: number;
  /** For child fields, the resolved definition. */
  def?: ElDef;
  /** XML name (attributes: as written; children: local name). */
  xml: string;
  ns?: Namespace;
}

interface Table {
  attrs: Map<string, Slot>;
  /** Child elements by match key: local name, or `{uri}local` for namespaced ones. */
  children: Map<string, Slot>;
  text?: Slot;
  any?: Slot;
  /** Every slot in definition order (attributes first as they are defined). */
  ordered: Slot[];
  byKey: Map<string, Slot>;
}

interface Compiled {
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
  const table: Table = { attrs: new Map(), children: new Map(), ordered: [], byKey: new Map() };
  let index = 0;
  for (const fields of fieldSets) {
    for (const key of Object.keys(fields)) {
      const field = fields[key];
      let slot: Slot;
      switch (field.kind) {
        case 'attr':
          slot = { key, field, index: -1, xml: field.xml ?? key };
          table.attrs.set(slot.xml, slot);
          break;
        case 'text':
          slot = { key, field, index: -1, xml: '#text' };
          table.text = slot;
          break;
        case 'any':
          slot = { key, field, index: index++, xml: '#any' };
          table.any = slot;
          break;
        case 'child': {
          // Definitions may refer to each other; resolve lazily on first compile.
          const childDef = resolve(field.def);
          slot = { key, field, index: index++, def: childDef, xml: childDef.name, ns: childDef.ns };
          table.children.set(matchKey(slot.xml, slot.ns), slot);
          break;
        }
        case 'leaf':
        case 'flag':
          slot = { key, field, index: index++, xml: field.xml ?? key, ns: field.ns };
          table.children.set(matchKey(slot.xml, slot.ns), slot);
          break;
      }
      if (table.byKey.has(key)) throw new Error(`definition <${def.name}>: property '${key}' defined twice`);
      table.byKey.set(key, slot);
      table.ordered.push(slot);
    }
  }
  return table;
}

function compile(def: ElDef): Compiled {
  let c = compiled.get(def);
  if (c) return c;
  const common = buildTable(def, [def.fields]);
  c = { common };
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

// ---------------------------------------------------------------------------
// Parsing

export interface DecodeOptions {
  /** Called for every node the model does not know and every value it cannot read. */
  report?: (path: string, problem: string) => void;
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
export function decodeElement(node: XmlElement, def: ElDef, opts: DecodeOptions, path?: string): Obj {
  const c = compile(def);
  const table = c.by ? tableFor(c, node.attrs[c.by.xml]) : c.common;
  const obj: Obj = {};
  const reporting = opts.report !== undefined;

  // Attributes
  const attrs = node.attrs;
  for (const name in attrs) {
    const raw = attrs[name];
    const slot = table.attrs.get(name);
    if (slot) {
      const v = decodeValue(obj, slot.key, (slot.field as AttrField).type, raw, opts, reporting ? `${path}/@${name}` : undefined);
      if (v !== undefined) obj[slot.key] = v;
    } else {
      (side(obj).attrs ??= {})[name] = raw;
      if (reporting && !name.startsWith('xmlns')) opts.report!(`${path}/@${name}`, 'unmodeled');
    }
  }

  const kids = node.children;
  if (kids.length === 0) return obj;

  // Children
  let order: (string | XmlNode | { text: string })[] | undefined = [];
  let keepOrder = false;
  let lastIndex = -1;
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
          order.push({ text: kid });
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
        order.push(kid);
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
      order.push(kid);
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
    order.push(slot.key);
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
    if (!many && obj[slot.key] !== undefined) {
      // A second occurrence of a single-valued child: keep it as it was, not silently merge.
      order[order.length - 1] = kid;
      keepOrder = true;
      if (reporting) opts.report!(childPath!, 'unmodeled (repeated)');
      continue;
    }
    let value: unknown;
    switch (field.kind) {
      case 'child':
        value = decodeElement(kid, slot.def!, opts, childPath);
        break;
      case 'leaf':
        value = decodeLeaf(obj, slot, kid, opts, childPath);
        break;
      case 'flag':
        value = true;
        if (kid.children.length > 0 || hasAttrs(kid)) {
          const leafSide = decodeElement(kid, EMPTY, opts, childPath);
          (side(obj).leaf ??= {})[slot.key] = leafSide.$xml!;
        }
        break;
    }
    if (value === undefined) {
      // An unreadable leaf value: keep the element itself.
      order[order.length - 1] = kid;
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
  if (keepOrder) side(obj).order = order;
  return obj;
}

const EMPTY: ElDef = { name: '', fields: {} };

function hasAttrs(node: XmlElement): boolean {
  for (const _ in node.attrs) return true;
  return false;
}

function decodeLeaf(parent: Obj, slot: Slot, node: XmlElement, opts: DecodeOptions, path: string | undefined): unknown {
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
    const leafSide = decodeElement({ name: node.name, attrs: node.attrs, children: node.children.filter((k) => typeof k !== 'string' && !('cdata' in k)) }, EMPTY, opts, path);
    if (leafSide.$xml) (side(parent).leaf ??= {})[slot.key] = leafSide.$xml;
  }
  return value;
}

// ---------------------------------------------------------------------------
// Formatting

/** Namespace URI -> prefix in scope while formatting. */
type Scope = Record<string, string>;

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'string' ? `'${v}'` : typeof v === 'object' ? 'object' : String(v);
}

function encodeValue(type: ValueType<unknown>, value: unknown, xml: XmlSide | undefined, key: string, path: string): string {
  if (!type.is(value)) throw new ModelError(`expected ${type.name}, got ${typeName(value)}`, path);
  if (!type.exact) {
    const spelled = xml?.spell?.[key];
    if (spelled !== undefined && type.decode(spelled) === value) return spelled;
    return type.encode(value);
  }
  return value as string;
}

/** Writes the attributes of an object. Returns the attribute text (with leading spaces). */
function encodeAttrs(obj: Obj, table: Table, path: string): string {
  let out = '';
  const xml = obj.$xml;
  for (const slot of table.ordered) {
    if (slot.field.kind !== 'attr') continue;
    const v = obj[slot.key];
    let s: string;
    if (v === undefined) {
      const bad = xml?.invalid?.[slot.key];
      if (bad === undefined) continue;
      s = bad;
    } else s = encodeValue(slot.field.type, v, xml, slot.key, `${path}/@${slot.xml}`);
    out += ` ${slot.xml}='${escapeAttr(s)}'`;
  }
  if (xml?.attrs) {
    for (const name in xml.attrs) out += ` ${name}='${escapeAttr(xml.attrs[name])}'`;
  }
  return out;
}

function checkKeys(obj: Obj, table: Table, path: string): void {
  for (const key in obj) {
    if (key === '$xml' || table.byKey.has(key)) continue;
    if (obj[key] === undefined) continue;
    throw new ModelError(`unknown property '${key}'`, path);
  }
}

function scopeWith(scope: Scope, xml: XmlSide | undefined): Scope {
  const attrs = xml?.attrs;
  if (!attrs) return scope;
  let next: Scope | undefined;
  for (const name in attrs) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      next ??= { ...scope };
      next[attrs[name]] = name.length > 5 ? name.slice(6) : '';
    }
  }
  return next ?? scope;
}

/** The qualified name to write for an element in namespace `ns`, and a declaration when none is in scope. */
function qualify(local: string, ns: Namespace | undefined, scope: Scope): { name: string; decl: string } {
  if (!ns) return { name: local, decl: '' };
  const prefix = scope[ns.uri];
  if (prefix !== undefined) return { name: prefix ? `${prefix}:${local}` : local, decl: '' };
  return { name: `${ns.prefix}:${local}`, decl: ` xmlns:${ns.prefix}='${escapeAttr(ns.uri)}'` };
}

/** Writes `obj` as the element of definition `def`, indented by `indent`, ending with a newline. */
export function encodeElement(obj: unknown, def: ElDef, indent: string, path: string, scope: Scope, local?: string): string {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw new ModelError(`expected an object, got ${typeName(obj)}`, path);
  }
  const o = obj as Obj;
  const c = compile(def);
  const table = c.by ? tableFor(c, o[c.by.key]) : c.common;
  checkKeys(o, table, path);
  const xml = o.$xml;
  const innerScope = scopeWith(scope, xml);
  const { name, decl } = qualify(local ?? def.name, def.ns, innerScope);
  const childScope = decl ? { ...innerScope, [def.ns!.uri]: def.ns!.prefix } : innerScope;
  const open = `${indent}<${name}${encodeAttrs(o, table, path)}${decl}`;

  // Text content, or stray text kept in the order, makes the element's content inline.
  let s: string | undefined;
  if (table.text) {
    const v = o[table.text.key];
    if (v !== undefined) s = encodeValue((table.text.field as { type: ValueType<unknown> }).type, v, xml, table.text.key, `${path}/text()`);
    else s = xml?.invalid?.[table.text.key];
  }
  if (s || xml?.order?.some(isStrayText)) {
    const inner = (s ? escapeText(s) : '') + encodeChildren(o, table, '', path, childScope, true);
    return `${open}>${inner}</${name}>\n`;
  }
  const inner = encodeChildren(o, table, indent + '  ', path, childScope, false);
  return inner ? `${open}>\n${inner}${indent}</${name}>\n` : `${open}/>\n`;
}

function isStrayText(entry: unknown): boolean {
  return typeof entry === 'object' && entry !== null && 'text' in entry && !('name' in entry);
}

/**
 * Writes the children of an object: in document order when one was kept, then whatever
 * the order does not mention (added in code) in model order. `inline` content (next to
 * text) is written without line breaks, so no whitespace is added to the text.
 */
function encodeChildren(o: Obj, table: Table, indent: string, path: string, scope: Scope, inline: boolean): string {
  const order = o.$xml?.order;
  let out = '';
  const put = (s: string) => {
    out += inline && s.endsWith('\n') ? s.slice(0, -1) : s;
  };
  let used: Map<string, number> | undefined;
  if (order) {
    if (!Array.isArray(order)) throw new ModelError(`expected an array in $xml.order, got ${typeName(order)}`, path);
    used = new Map();
    for (const entry of order) {
      if (typeof entry === 'string') {
        const slot = table.byKey.get(entry);
        if (!slot) continue;
        const n = used.get(entry) ?? 0;
        const v = o[entry];
        if (Array.isArray(v) && (slot.field as ChildField).many) {
          if (n < v.length) put(encodeSlotItem(o, slot, v[n], n, indent, path, scope));
        } else if (n === 0 && v !== undefined) {
          put(encodeSlotItem(o, slot, v, -1, indent, path, scope));
        }
        used.set(entry, n + 1);
      } else if (isStrayText(entry)) {
        const text = (entry as { text: unknown }).text;
        if (typeof text !== 'string') throw new ModelError(`expected a string in $xml.order text, got ${typeName(text)}`, path);
        put(inline ? escapeText(text) : indent + escapeText(text) + '\n');
      } else put(writeAnyNode(entry as XmlNode, indent, path));
    }
  }
  for (const slot of table.ordered) {
    if (slot.field.kind === 'attr' || slot.field.kind === 'text') continue;
    put(encodeSlot(o, slot, indent, path, scope, used?.get(slot.key) ?? 0));
  }
  return out;
}

/** Writes the items of a slot from item `from` on. */
function encodeSlot(o: Obj, slot: Slot, indent: string, path: string, scope: Scope, from: number): string {
  const v = o[slot.key];
  if (v === undefined) return '';
  const field = slot.field;
  if (field.kind === 'any') {
    if (from > 0) return '';
    if (!Array.isArray(v)) throw new ModelError(`expected an array of XML nodes, got ${typeName(v)}`, `${path}/${slot.key}`);
    let out = '';
    for (const node of v as XmlNode[]) out += writeAnyNode(node, indent, path);
    return out;
  }
  if ((field as ChildField | LeafField).many) {
    if (!Array.isArray(v)) throw new ModelError(`expected an array, got ${typeName(v)}`, `${path}/${slot.xml}`);
    let out = '';
    for (let i = from; i < v.length; i++) out += encodeSlotItem(o, slot, v[i], i, indent, path, scope);
    return out;
  }
  if (from > 0) return '';
  return encodeSlotItem(o, slot, v, -1, indent, path, scope);
}

function writeAnyNode(node: XmlNode, indent: string, path: string): string {
  if (typeof node === 'string') return isWhitespace(node) ? '' : indent + escapeText(node) + '\n';
  if (typeof node !== 'object' || node === null) throw new ModelError(`expected an XML node, got ${typeName(node)}`, path);
  return writeNode(node, indent);
}

/** Writes one item of a slot; `i` is its index for arrays, -1 for single values. */
function encodeSlotItem(o: Obj, slot: Slot, v: unknown, i: number, indent: string, path: string, scope: Scope): string {
  const itemPath = i >= 0 ? `${path}/${slot.xml}[${i + 1}]` : `${path}/${slot.xml}`;
  const field = slot.field;
  switch (field.kind) {
    case 'child':
      return encodeElement(v, slot.def!, indent, itemPath, scope);
    case 'flag': {
      if (typeof v !== 'boolean') throw new ModelError(`expected true or false, got ${typeName(v)}`, itemPath);
      if (!v) return '';
      const leafSide = o.$xml?.leaf?.[slot.key] as XmlSide | undefined;
      return encodeElement(leafSide ? { $xml: leafSide } : {}, { name: slot.xml, ns: slot.ns, fields: {} }, indent, itemPath, scope);
    }
    case 'leaf': {
      const s = encodeValue(field.type, v, i < 0 ? o.$xml : undefined, slot.key, itemPath);
      const leafSide = i < 0 ? (o.$xml?.leaf?.[slot.key] as XmlSide | undefined) : undefined;
      const { name, decl } = qualify(slot.xml, slot.ns, scope);
      const attrs = leafSide?.attrs ? encodeAttrs({ $xml: leafSide }, EMPTY_TABLE, itemPath) : '';
      if (leafSide?.order) {
        const inner = encodeChildren({ $xml: leafSide }, EMPTY_TABLE, '', itemPath, scope, true);
        return `${indent}<${name}${attrs}${decl}>${escapeText(s)}${inner}</${name}>\n`;
      }
      return s === '' ? `${indent}<${name}${attrs}${decl}/>\n` : `${indent}<${name}${attrs}${decl}>${escapeText(s)}</${name}>\n`;
    }
    default:
      return '';
  }
}

const EMPTY_TABLE: Table = { attrs: new Map(), children: new Map(), ordered: [], byKey: new Map() };

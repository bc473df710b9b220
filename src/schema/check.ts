/**
 * Structural validation: walks a typed object along its element definition and reports what
 * does not fit it, using the same compiled tables as the codec (so the variant chosen, the
 * property names and the paths are the ones parsing and formatting use) and the same `is()`
 * guards as the formatter, plus the constraints the value types carry in `info`.
 *
 * Objects may come from JSON and have any shape: every access is guarded and nothing throws.
 */
import { tableOf, type Slot, type SourcePosition, type Table } from './codec.js';
import type { ElDef, LeafField } from './define.js';
import type { DocumentDef } from './document.js';
import type { Problem, Severity } from './problem.js';
import type { ValueType } from './values.js';
import { localName } from '../xml/tree.js';

export interface CheckOptions {
  /** Positions recorded while parsing; each problem gets the line and column of its nearest enclosing object. */
  positions?: WeakMap<object, SourcePosition>;
}

type Obj = Record<string, unknown>;

interface Ctx {
  problems: Problem[];
  positions?: WeakMap<object, SourcePosition>;
  /** Objects on the current path, to stop on cyclic objects built in code. */
  ancestors: Set<object>;
}

/** Deeper objects (or kept XML nodes) are not checked: recursion that deep would overflow the stack. */
const MAX_DEPTH = 1000;

/** Structural problems of a whole document (`doc` is the root object). */
export function checkDocument(def: DocumentDef, doc: unknown, options: CheckOptions = {}): Problem[] {
  return checkElement(doc, def.root, `/${def.root.name}`, options);
}

/** Structural problems of `obj` read as an element of definition `def` found at `path`. */
export function checkElement(obj: unknown, def: ElDef, path: string, options: CheckOptions = {}): Problem[] {
  const ctx: Ctx = { problems: [], positions: options.positions, ancestors: new Set() };
  element(ctx, obj, def, path, undefined);
  return ctx.problems;
}

// ---------------------------------------------------------------------------
// Reporting

function report(ctx: Ctx, severity: Severity, rule: string, path: string, message: string, at: SourcePosition | undefined, value?: unknown): void {
  const p: Problem = { severity, path, message, rule };
  if (value !== undefined && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) p.value = String(value);
  if (at) {
    p.line = at.line;
    p.column = at.column;
  }
  ctx.problems.push(p);
}

function shown(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'object') return 'an object';
  return String(v);
}

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

function isWhitespace(s: string): boolean {
  return /^[ \t\r\n]*$/.test(s);
}

// ---------------------------------------------------------------------------
// Values

const patterns = new Map<string, RegExp | null>();

/** Compiles a pattern as JSON Schema validators do (Unicode mode); a pattern that does not compile checks nothing. */
function patternOf(source: string): RegExp | null {
  let re = patterns.get(source);
  if (re === undefined) {
    try {
      re = new RegExp(source, 'u');
    } catch {
      re = null;
    }
    patterns.set(source, re);
  }
  return re;
}

/** Checks a typed value against its type: the formatter's guard, then enumeration, range and pattern. */
function value(ctx: Ctx, type: ValueType<unknown>, v: unknown, path: string, at: SourcePosition | undefined): void {
  let ok: boolean;
  try {
    ok = type.is(v);
  } catch {
    ok = false;
  }
  if (!ok) {
    report(ctx, 'error', 'type', path, `expected ${type.name}, got ${shown(v)}`, at, v);
    return;
  }
  const info = type.info;
  if (info.enum && typeof v === 'string' && !info.enum.includes(v)) {
    report(ctx, 'error', 'enum', path, `'${v}' is not one of: ${info.enum.join(', ')}`, at, v);
  }
  if (typeof v === 'number') {
    if (info.minimum !== undefined && v < info.minimum) report(ctx, 'error', 'range', path, `${v} is below the minimum ${info.minimum}`, at, v);
    if (info.maximum !== undefined && v > info.maximum) report(ctx, 'error', 'range', path, `${v} is above the maximum ${info.maximum}`, at, v);
  }
  if (info.pattern && typeof v === 'string') {
    const re = patternOf(info.pattern);
    if (re && !re.test(v)) report(ctx, 'error', 'pattern', path, `'${v}' is not a valid ${type.name} (pattern ${info.pattern})`, at, v);
  }
}

function unreadable(ctx: Ctx, type: ValueType<unknown>, raw: string, path: string, at: SourcePosition | undefined): void {
  report(ctx, 'error', 'type', path, `invalid value '${raw}' (expected ${type.name})`, at, raw);
}

// ---------------------------------------------------------------------------
// Elements

function element(ctx: Ctx, obj: unknown, def: ElDef, path: string, outer: SourcePosition | undefined): void {
  if (!isObject(obj)) {
    report(ctx, 'error', 'type', path, `expected an object for <${def.name}>, got ${shown(obj)}`, outer, obj);
    return;
  }
  if (ctx.ancestors.has(obj)) {
    report(ctx, 'error', 'type', path, `the object for <${def.name}> contains itself`, outer);
    return;
  }
  if (ctx.ancestors.size >= MAX_DEPTH) {
    report(ctx, 'error', 'depth', path, `nested deeper than ${MAX_DEPTH} elements; not checked further`, outer);
    return;
  }
  const at = ctx.positions?.get(obj) ?? outer;
  let table: Readonly<Table>;
  try {
    table = tableOf(def, obj);
  } catch {
    return; // a broken definition is a bug of the model, not a property of the input
  }
  ctx.ancestors.add(obj);
  const side = sideOf(ctx, obj.$xml, path, at);

  // Attributes, then unknown properties, text and children, roughly in document order.
  for (const slot of table.attrList) scalar(ctx, obj, side, slot, `${path}/@${slot.xml}`, at);
  unmodeledAttrs(ctx, side?.attrs, path, at);
  unknownProperties(ctx, obj, def, table, path, at);
  if (table.text) scalar(ctx, obj, side, table.text, `${path}/text()`, at);
  children(ctx, obj, side, table, path, at);
  ctx.ancestors.delete(obj);
}

interface Side {
  attrs?: Obj;
  invalid?: Obj;
  order?: unknown[];
  leaf?: Obj;
}

/** The side field's parts that matter here, with a type error for each part of the wrong shape. */
function sideOf(ctx: Ctx, xml: unknown, path: string, at: SourcePosition | undefined): Side | undefined {
  if (xml === undefined) return undefined;
  if (!isObject(xml)) {
    report(ctx, 'error', 'type', `${path}/$xml`, `expected an object in $xml, got ${shown(xml)}`, at, xml);
    return undefined;
  }
  const side: Side = {};
  for (const part of ['attrs', 'spell', 'invalid', 'leaf'] as const) {
    const v = xml[part];
    if (v === undefined) continue;
    if (!isObject(v)) report(ctx, 'error', 'type', `${path}/$xml`, `expected an object in $xml.${part}, got ${shown(v)}`, at, v);
    else if (part !== 'spell') side[part] = v;
    if (isObject(v) && (part === 'attrs' || part === 'spell' || part === 'invalid')) {
      for (const k of Object.keys(v)) {
        if (typeof v[k] !== 'string') report(ctx, 'error', 'type', `${path}/$xml`, `expected a string in $xml.${part}['${k}'], got ${shown(v[k])}`, at, v[k]);
      }
    }
  }
  if (xml.order !== undefined) {
    if (Array.isArray(xml.order)) side.order = xml.order;
    else report(ctx, 'error', 'type', `${path}/$xml`, `expected an array in $xml.order, got ${shown(xml.order)}`, at, xml.order);
  }
  for (const part of ['prolog', 'epilog'] as const) {
    const v = xml[part];
    if (v === undefined) continue;
    if (!Array.isArray(v)) report(ctx, 'error', 'type', `${path}/$xml`, `expected an array in $xml.${part}, got ${shown(v)}`, at, v);
    else v.forEach((n) => xmlNode(ctx, n, path, at));
  }
  return side;
}

function unmodeledAttrs(ctx: Ctx, attrs: Obj | undefined, path: string, at: SourcePosition | undefined): void {
  if (!attrs) return;
  for (const name of Object.keys(attrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    report(ctx, 'warning', 'unmodeled', `${path}/@${name}`, `attribute '${name}' is not part of the model; it is kept as it is`, at, attrs[name]);
  }
}

function unknownProperties(ctx: Ctx, obj: Obj, def: ElDef, table: Readonly<Table>, path: string, at: SourcePosition | undefined): void {
  for (const key of Object.keys(obj)) {
    if (key === '$xml' || table.byKey.has(key) || obj[key] === undefined) continue;
    report(ctx, 'error', 'unknown-property', path, `unknown property '${key}' of <${def.name}>${hint(key, obj, def, table)}`, at);
  }
}

/** Why a property is not known here: it belongs to another variant, or looks like a known one misspelled. */
function hint(key: string, obj: Obj, def: ElDef, table: Readonly<Table>): string {
  const v = def.variants;
  if (v) {
    const owners = Object.keys(v.cases).filter((c) => own(v.cases[c], key));
    if (owners.length > 0) {
      const by = obj[v.by];
      const now = by === undefined ? 'absent' : `'${String(by)}'`;
      return ` when ${v.by} is ${now} (it belongs to ${v.by} ${owners.map((o) => `'${o}'`).join(', ')})`;
    }
  }
  let best: string | undefined;
  let bestDistance = key.length > 3 ? 3 : 2;
  for (const known of table.byKey.keys()) {
    const d = known.toLowerCase() === key.toLowerCase() ? 0 : distance(key, known, bestDistance);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best ? ` (did you mean '${best}'?)` : '';
}

/** Edit distance, giving up (returning `limit`) once it cannot be below `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin >= limit) return limit;
    prev = cur;
  }
  return Math.min(prev[b.length], limit);
}

/** An attribute or the text content: typed value, unreadable raw value, or missing. */
function scalar(ctx: Ctx, obj: Obj, side: Side | undefined, slot: Slot, path: string, at: SourcePosition | undefined): void {
  const field = slot.field as { type: ValueType<unknown>; required?: boolean };
  const v = obj[slot.key];
  if (v !== undefined) {
    value(ctx, field.type, v, path, at);
    return;
  }
  const raw = side?.invalid && own(side.invalid, slot.key) ? side.invalid[slot.key] : undefined;
  if (typeof raw === 'string') unreadable(ctx, field.type, raw, path, at);
  else if (field.required) {
    const what = slot.field.kind === 'attr' ? `attribute '${slot.xml}'` : 'text content';
    report(ctx, 'error', 'required', path, `required ${what} is missing`, at);
  }
}

/**
 * Children in document order: the kept order first (as the formatter writes it), then the
 * items the order does not mention.
 */
function children(ctx: Ctx, obj: Obj, side: Side | undefined, table: Readonly<Table>, path: string, at: SourcePosition | undefined): void {
  const used = new Map<Slot, number>();
  /** Slots present only as kept elements (an unreadable leaf value): not missing. */
  const keptFor = new Set<Slot>();
  /** Elements seen so far by name, for the `[n]` of kept ones (as the parser counts them). */
  const counts = new Map<string, number>();
  const count = (name: string) => {
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    return n;
  };

  for (const entry of side?.order ?? []) {
    if (typeof entry === 'string') {
      const slot = table.byKey.get(entry);
      if (!slot || slot.index < 0) continue;
      const n = used.get(slot) ?? 0;
      used.set(slot, n + 1);
      const v = obj[entry];
      if (isMany(slot)) {
        count(slot.xml);
        if (Array.isArray(v) && n < v.length) item(ctx, obj, side, slot, v[n], n, path, at);
      } else if (n === 0 && v !== undefined) item(ctx, obj, side, slot, v, -1, path, at);
    } else if (isObject(entry) && own(entry, 'text') && !own(entry, 'name')) {
      if (typeof entry.text !== 'string') report(ctx, 'error', 'type', `${path}/$xml`, `expected a string in $xml.order text, got ${shown(entry.text)}`, at, entry.text);
      else if (!isWhitespace(entry.text)) {
        report(ctx, 'warning', 'unmodeled', `${path}/text()`, `text '${entry.text.trim()}' is not part of the model; it is kept as it is`, at, entry.text);
      }
    } else {
      if (!xmlNode(ctx, entry, path, at)) continue;
      if (isObject(entry) && typeof entry.name === 'string') keptElement(ctx, obj, entry as unknown as KeptElement, table, path, count, keptFor, at);
    }
  }

  for (const slot of table.childList) {
    const v = obj[slot.key];
    const from = used.get(slot) ?? 0;
    const field = slot.field;
    if (v === undefined) {
      if ((field as { required?: boolean }).required && !keptFor.has(slot)) {
        report(ctx, 'error', 'required', `${path}/${slot.xml}`, `required element <${slot.xml}> is missing`, at);
      }
      continue;
    }
    if (field.kind === 'any') {
      if (from > 0) continue;
      if (!Array.isArray(v)) report(ctx, 'error', 'type', `${path}/${slot.key}`, `expected an array of XML nodes, got ${shown(v)}`, at, v);
      else for (const node of v) xmlNode(ctx, node, path, at);
    } else if (isMany(slot)) {
      if (!Array.isArray(v)) {
        report(ctx, 'error', 'type', `${path}/${slot.xml}`, `expected an array of <${slot.xml}>, got ${shown(v)}`, at, v);
        continue;
      }
      if (v.length === 0 && (field as { required?: boolean }).required && !keptFor.has(slot)) {
        report(ctx, 'error', 'required', `${path}/${slot.xml}`, `at least one <${slot.xml}> is required`, at);
      }
      for (let j = from; j < v.length; j++) item(ctx, obj, side, slot, v[j], j, path, at);
    } else if (from === 0) item(ctx, obj, side, slot, v, -1, path, at);
  }
}

function isMany(slot: Slot): boolean {
  return (slot.field as { many?: boolean }).many === true;
}

/** One child value: an element object, a leaf value or a flag; `i` is its array index, -1 when single. */
function item(ctx: Ctx, obj: Obj, side: Side | undefined, slot: Slot, v: unknown, i: number, path: string, at: SourcePosition | undefined): void {
  const itemPath = i >= 0 ? `${path}/${slot.xml}[${i + 1}]` : `${path}/${slot.xml}`;
  const field = slot.field;
  switch (field.kind) {
    case 'child':
      if (slot.def) element(ctx, v, slot.def, itemPath, at);
      return;
    case 'leaf':
      value(ctx, field.type, v, itemPath, at);
      leafSide(ctx, side, slot, i, itemPath, at);
      return;
    case 'flag':
      if (typeof v !== 'boolean') report(ctx, 'error', 'type', itemPath, `expected true or false, got ${shown(v)}`, at, v);
      else if (v) leafSide(ctx, side, slot, i, itemPath, at);
      return;
    default:
      return;
  }
}

/** Side data of a leaf or flag element: what it holds besides its value is unmodeled. */
function leafSide(ctx: Ctx, side: Side | undefined, slot: Slot, i: number, path: string, at: SourcePosition | undefined): void {
  let data = side?.leaf && own(side.leaf, slot.key) ? side.leaf[slot.key] : undefined;
  if (Array.isArray(data)) data = i >= 0 ? data[i] : undefined;
  else if (i >= 0) data = undefined;
  if (data === undefined || data === null) return;
  const inner = sideOf(ctx, data, path, at);
  unmodeledAttrs(ctx, inner?.attrs, path, at);
  const counts = new Map<string, number>();
  for (const entry of inner?.order ?? []) {
    if (!xmlNode(ctx, entry, path, at) || !isObject(entry) || typeof entry.name !== 'string') continue;
    const n = (counts.get(entry.name) ?? 0) + 1;
    counts.set(entry.name, n);
    report(ctx, 'warning', 'unmodeled', `${path}/${entry.name}[${n}]`, `element <${entry.name}> is not part of the model; it is kept as it is`, at);
  }
}

interface KeptElement {
  name: string;
  uri?: string;
  attrs: Record<string, string>;
  children: unknown[];
}

/**
 * An element kept as it was. When its name is a modeled child it is a value the parser could
 * not take: an unreadable leaf value, a spelling or attributes kept with a repeated leaf, or
 * a second occurrence of a single child. Otherwise the model does not know it.
 */
function keptElement(
  ctx: Ctx,
  obj: Obj,
  node: KeptElement,
  table: Readonly<Table>,
  path: string,
  count: (name: string) => number,
  keptFor: Set<Slot>,
  at: SourcePosition | undefined,
): void {
  const key = node.uri === undefined ? node.name : `{${node.uri}}${localName(node.name)}`;
  const slot = table.children.get(key);
  const n = count(node.name);
  if (!slot || slot.field.kind === 'any') {
    report(ctx, 'warning', 'unmodeled', `${path}/${node.name}[${n}]`, `element <${node.name}> is not part of the model; it is kept as it is`, at);
    return;
  }
  const many = isMany(slot);
  const nodePath = many ? `${path}/${node.name}[${n}]` : `${path}/${node.name}`;
  if (slot.field.kind === 'leaf') {
    const field = slot.field as LeafField;
    const text = node.children.map((c) => (typeof c === 'string' ? c : isObject(c) && typeof c.cdata === 'string' ? c.cdata : '')).join('');
    let decoded: unknown;
    try {
      decoded = field.type.decode(text);
    } catch {
      decoded = undefined;
    }
    if (decoded === undefined) {
      keptFor.add(slot);
      unreadable(ctx, field.type, text, nodePath, at);
      return;
    }
    if (!many && obj[slot.key] !== undefined) {
      report(ctx, 'warning', 'unmodeled', nodePath, `repeated <${node.name}>: only one is read; this one is kept as it is`, at, text);
      return;
    }
    keptFor.add(slot);
    value(ctx, field.type, decoded, nodePath, at);
    unmodeledAttrs(ctx, node.attrs, nodePath, at);
    return;
  }
  report(ctx, 'warning', 'unmodeled', nodePath, `repeated <${node.name}>: only one is read; this one is kept as it is`, at);
}

/** Checks the shape of a kept XML node (as in src/xml/tree.ts); false when it is malformed. */
function xmlNode(ctx: Ctx, node: unknown, path: string, at: SourcePosition | undefined, depth = 0): boolean {
  const bad = (what: string) => {
    report(ctx, 'error', 'type', `${path}/$xml`, `malformed XML node: ${what}`, at);
    return false;
  };
  if (typeof node === 'string') return true;
  if (!isObject(node)) return bad(`expected a string or an object, got ${shown(node)}`);
  if (own(node, 'name')) {
    if (typeof node.name !== 'string') return bad(`expected a string name, got ${shown(node.name)}`);
    if (!isObject(node.attrs)) return bad(`<${node.name}> needs an 'attrs' object`);
    for (const k of Object.keys(node.attrs)) if (typeof node.attrs[k] !== 'string') return bad(`attribute '${k}' of <${node.name}> is not a string`);
    if (!Array.isArray(node.children)) return bad(`<${node.name}> needs a 'children' array`);
    if (node.uri !== undefined && typeof node.uri !== 'string') return bad(`the uri of <${node.name}> is not a string`);
    if (depth >= MAX_DEPTH) return bad(`nested deeper than ${MAX_DEPTH} elements`);
    let ok = true;
    for (const kid of node.children) ok = xmlNode(ctx, kid, path, at, depth + 1) && ok;
    return ok;
  }
  if (own(node, 'comment')) return typeof node.comment === 'string' || bad('a comment must be a string');
  if (own(node, 'cdata')) return typeof node.cdata === 'string' || bad('CDATA must be a string');
  if (own(node, 'pi')) return (typeof node.pi === 'string' && typeof node.data === 'string') || bad('a processing instruction needs string pi and data');
  return bad('expected an element, a comment, CDATA or a processing instruction');
}

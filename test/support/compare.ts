/**
 * Semantic comparison of two XML trees, as the round-trip tests define "nothing lost":
 * same elements, attributes in any order, same-named siblings in their order, namespaces
 * by URI, whitespace-only text and comments ignored. Returns the first difference, or null.
 */
import { localName, prefixOf, type XmlElement, type XmlNode } from '../../src/xml/tree.js';

function isWs(s: string): boolean {
  return s.trim() === '';
}

/** Attributes keyed by namespace-qualified identity, without namespace declarations. */
function attrMap(el: XmlElement, scope: Map<string, string>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, value] of Object.entries(el.attrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const p = prefixOf(name);
    m.set(p ? `{${scope.get(p) ?? p}}${localName(name)}` : name, value);
  }
  return m;
}

function extendScope(el: XmlElement, scope: Map<string, string>): Map<string, string> {
  let next = scope;
  for (const [name, value] of Object.entries(el.attrs)) {
    if (name.startsWith('xmlns:')) {
      if (next === scope) next = new Map(scope);
      next.set(name.slice(6), value);
    }
  }
  return next;
}

function ident(el: XmlElement): string {
  return el.uri ? `{${el.uri}}${localName(el.name)}` : el.name;
}

function textOf(nodes: XmlNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (typeof n === 'string') s += n;
    else if ('cdata' in n) s += n.cdata;
  }
  return s;
}

export function compareTrees(a: XmlElement, b: XmlElement, path = '', sa = new Map<string, string>(), sb = new Map<string, string>()): string | null {
  const here = `${path}/${a.name}`;
  if (ident(a) !== ident(b)) return `${here}: element ${ident(a)} became ${ident(b)}`;
  sa = extendScope(a, sa);
  sb = extendScope(b, sb);
  const aa = attrMap(a, sa);
  const ab = attrMap(b, sb);
  for (const [k, v] of aa) {
    if (!ab.has(k)) return `${here}/@${k}: attribute lost`;
    if (ab.get(k) !== v) return `${here}/@${k}: '${v}' became '${ab.get(k)}'`;
  }
  for (const k of ab.keys()) if (!aa.has(k)) return `${here}/@${k}: attribute added`;
  const ta = textOf(a.children);
  const tb = textOf(b.children);
  if (!(isWs(ta) && isWs(tb)) && ta.trim() !== tb.trim()) return `${here}: text '${ta}' became '${tb}'`;
  // Same-named siblings in order; different names may move relative to each other.
  const group = (el: XmlElement) => {
    const g = new Map<string, XmlElement[]>();
    for (const c of el.children) {
      if (typeof c === 'string' || !('name' in c)) continue;
      const k = ident(c);
      const list = g.get(k);
      if (list) list.push(c);
      else g.set(k, [c]);
    }
    return g;
  };
  const ga = group(a);
  const gb = group(b);
  for (const [k, list] of ga) {
    const other = gb.get(k) ?? [];
    if (other.length !== list.length) return `${here}/${k}: ${list.length} element(s) became ${other.length}`;
    for (let i = 0; i < list.length; i++) {
      const d = compareTrees(list[i], other[i], here, sa, sb);
      if (d) return d;
    }
  }
  for (const k of gb.keys()) if (!ga.has(k)) return `${here}/${k}: element added`;
  return null;
}

/** The first line where two texts differ, for a readable message. */
export function firstDifference(a: string, b: string): string {
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return `line ${i + 1}: ${JSON.stringify(la[i])} became ${JSON.stringify(lb[i])}`;
  }
  return 'same lines';
}

/**
 * The codec kit on small hand-made definitions: typed values, original spellings, unknown
 * nodes kept in place, variants, namespaces, and errors that name the path.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelError } from '../../src/errors.js';
import {
  any, attr, child, defineDocument, el, flag, formatDocument, leaf, leaves, many, parseDocument, t, text, variants,
  type Infer,
} from '../../src/schema/index.js';

const Size = el('size', { unit: attr(t.string), value: text(t.uint) });
const Source = el(
  'source',
  { type: attr(t.enum('file', 'net')) },
  variants('type', { file: { path: attr(t.string) }, net: { host: attr(t.string), port: attr(t.uint) } }, 'file'),
);
const Item = el('item', {
  id: attr(t.uint),
  slot: attr(t.hex(2)),
  on: attr(t.yesNo),
  state: attr(t.onOff),
  mode: attr(t.enum('a', 'b')),
  size: child(Size),
  source: child(Source),
  label: leaf(t.string),
  tag: leaves(t.uint),
  readonly: flag(),
});
const NS = { uri: 'http://example.org/ext', prefix: 'ext' };
const Ext = el('opt', { value: attr(t.string) }, { ns: NS });
const Root = el('top', {
  name: leaf(t.string),
  item: many(Item),
  opt: child(Ext),
  metadata: child(el('metadata', { content: any() })),
});
type Root = Infer<typeof Root>;
const doc = defineDocument(Root);

const parse = (xml: string, report?: (p: string, m: string) => void) => parseDocument(doc, xml, { report });
const format = (r: Root) => formatDocument(doc, r);

test('values are typed', () => {
  const r = parse(`<top><name>x</name><item id='7' slot='0x0a' on='yes' state='off' mode='b'><size unit='KiB'>512</size><label>l</label><tag>1</tag><tag>2</tag><readonly/></item></top>`);
  const item = r.item![0];
  assert.equal(r.name, 'x');
  assert.equal(item.id, 7);
  assert.equal(item.slot, 10);
  assert.equal(item.on, true);
  assert.equal(item.state, false);
  assert.equal(item.mode, 'b');
  assert.deepEqual({ unit: item.size!.unit, value: item.size!.value }, { unit: 'KiB', value: 512 });
  assert.equal(item.label, 'l');
  assert.deepEqual(item.tag, [1, 2]);
  assert.equal(item.readonly, true);
});

test('untouched values keep their spelling, changed ones are written canonically', () => {
  const r = parse(`<top><item id='+07' slot='0xA'/></top>`);
  assert.equal(format(r), `<top>\n  <item id='+07' slot='0xA'/>\n</top>\n`);
  r.item![0].slot = 11;
  assert.equal(format(r), `<top>\n  <item id='+07' slot='0x0b'/>\n</top>\n`);
  // Setting the same value again is no change.
  r.item![0].id = 7;
  assert.equal(format(r), `<top>\n  <item id='+07' slot='0x0b'/>\n</top>\n`);
  r.item![0].id = 8;
  assert.equal(format(r), `<top>\n  <item id='8' slot='0x0b'/>\n</top>\n`);
});

test('unknown attributes and elements stay where they were', () => {
  const xml = `<top>\n  <future a='1'/>\n  <name>n</name>\n  <!-- note -->\n  <item id='1' extra='e'>\n    <label>x</label>\n    <new>\n      <deep k='v'/>\n    </new>\n  </item>\n</top>\n`;
  assert.equal(format(parse(xml)), xml);
});

test('documents out of model order keep their order', () => {
  const xml = `<top>\n  <item id='1'/>\n  <name>n</name>\n  <item id='2'/>\n</top>\n`;
  assert.equal(format(parse(xml)), xml);
});

test('items added in code go after those read, in model order', () => {
  const r = parse(`<top><item id='1'/><name>n</name></top>`);
  r.item!.push({ id: 2 });
  assert.equal(format(r), `<top>\n  <item id='1'/>\n  <name>n</name>\n  <item id='2'/>\n</top>\n`);
});

test('variants choose fields by their attribute, with a default case', () => {
  const r = parse(`<top><item><source type='net' host='h' port='80'/></item><item><source path='/p'/></item></top>`);
  const s0 = r.item![0].source!;
  assert.equal(s0.type, 'net');
  if (s0.type === 'net') assert.equal(s0.port, 80);
  const s1 = r.item![1].source!;
  assert.equal(s1.type, undefined);
  assert.deepEqual({ ...s1 }, { path: '/p' });
  // A field of another variant is refused rather than dropped.
  assert.throws(() => format({ item: [{ source: { type: 'net', path: '/x' } as never }] }), (e: unknown) => e instanceof ModelError && e.path === '/top/item[1]/source' && /unknown property 'path'/.test(e.message));
});

test('building from scratch', () => {
  const r: Root = { name: 'vm', item: [{ id: 1, slot: 3, on: false, size: { unit: 'MiB', value: 2 }, source: { type: 'net', host: 'a', port: 1 }, readonly: true, tag: [5] }] };
  assert.equal(
    format(r),
    `<top>\n  <name>vm</name>\n  <item id='1' slot='0x03' on='no'>\n    <size unit='MiB'>2</size>\n    <source type='net' host='a' port='1'/>\n    <tag>5</tag>\n    <readonly/>\n  </item>\n</top>\n`,
  );
});

test('namespaced elements: declared when missing, prefix kept when present', () => {
  assert.equal(format({ opt: { value: 'v' } }), `<top>\n  <ext:opt value='v' xmlns:ext='http://example.org/ext'/>\n</top>\n`);
  const xml = `<top xmlns:x='http://example.org/ext'>\n  <x:opt value='v'/>\n</top>\n`;
  const r = parse(xml);
  assert.equal(r.opt!.value, 'v');
  assert.equal(format(r), xml);
});

test('free-form content is kept as XML nodes', () => {
  const xml = `<top>\n  <metadata>\n    <app:info xmlns:app='urn:app'>\n      <app:k>v &amp; w</app:k>\n    </app:info>\n  </metadata>\n</top>\n`;
  const r = parse(xml);
  assert.equal((r.metadata!.content![0] as { name: string }).name, 'app:info');
  assert.equal(format(r), xml);
});

test('the strict report names every unmodeled node and unreadable value', () => {
  const found: string[] = [];
  parse(`<top foo='1'><item id='x'/><item><bar/><bar/></item><baz/></top>`, (p, m) => found.push(`${p} ${m}`));
  assert.deepEqual(found, [
    '/top/@foo unmodeled',
    "/top/item[1]/@id invalid value 'x' (expected unsigned integer)",
    '/top/item[2]/bar[1] unmodeled',
    '/top/item[2]/bar[2] unmodeled',
    '/top/baz[1] unmodeled',
  ]);
});

test('out-of-range numbers parse typed; validation reports them', () => {
  const r = parse(`<top><item id='-5'/></top>`);
  assert.equal(r.item![0].id, -5);
  assert.equal(format(r), `<top>\n  <item id='-5'/>\n</top>\n`);
});

test('unreadable values are kept as written', () => {
  const xml = `<top>\n  <item id='x'>\n    <size>lots</size>\n    <tag>y</tag>\n  </item>\n</top>\n`;
  const r = parse(xml);
  assert.equal(r.item![0].id, undefined);
  assert.equal(format(r), xml);
});

test('escaping is always right', () => {
  const tricky = `a'b"c<d>&e\tf\ng`;
  const r: Root = { name: tricky, item: [{ label: tricky, source: { path: tricky } }] };
  const out = format(r);
  const back = parse(out);
  assert.equal(back.name, tricky);
  assert.equal(back.item![0].label, tricky);
  assert.equal((back.item![0].source as { path: string }).path, tricky);
});

test('characters XML cannot carry are refused, never written', () => {
  assert.throws(() => format({ name: 'a\u0001b' }), ModelError);
  assert.throws(() => format({ item: [{ source: { path: '\uD800' } }] }), ModelError);
});

test('wrong types and unknown properties are errors naming the path', () => {
  const check = (r: unknown, path: string, re: RegExp) =>
    assert.throws(() => format(r as Root), (e: unknown) => e instanceof ModelError && e.path === path && re.test(e.reason));
  check({ item: [{ id: 'seven' }] }, '/top/item[1]/@id', /expected unsigned integer/);
  check({ item: [{ id: 1.5 }] }, '/top/item[1]/@id', /expected unsigned integer/);
  check({ item: {} }, '/top/item', /expected an array/);
  check({ item: [{ size: { value: 1.5 } }] }, '/top/item[1]/size/text()', /expected unsigned integer/);
  check({ item: [{ readonly: 'yes' }] }, '/top/item[1]/readonly', /expected true or false/);
  check({ itme: [] }, '/top', /unknown property 'itme'/);
  check(null, '/top', /expected an object/);
});

test('the JSON form round-trips too', () => {
  const xml = `<top xmlns:x='http://example.org/ext'>\n  <item id='0x1' extra='e'>\n    <!-- c -->\n    <label>l</label>\n  </item>\n  <x:opt value='v'/>\n</top>\n`;
  const r = JSON.parse(JSON.stringify(parse(xml)));
  assert.equal(format(r), xml);
});

test('positions: every object read can be located in the source', () => {
  const positions = new WeakMap<object, { line: number; column: number }>();
  const r = parseDocument(doc, `<top>\n  <name>n</name>\n  <item id='1'>\n    <size>3</size>\n  </item>\n</top>`, { positions });
  assert.deepEqual(positions.get(r), { line: 1, column: 1 });
  assert.deepEqual(positions.get(r.item![0]), { line: 3, column: 3 });
  assert.deepEqual(positions.get(r.item![0].size!), { line: 4, column: 5 });
});

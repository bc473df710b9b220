/**
 * The mutation engine, shared by the short run in the test suite (fuzz.test.ts) and the
 * long run (bench/fuzz.ts).
 *
 * Every input is a corpus document put through a short chain of mutations. Iteration `i` of
 * a run with seed `s` draws from its own generator seeded by (s, i), so any input can be
 * rebuilt from those two numbers alone, without replaying the run.
 *
 * XML inputs must end as one of the library's own errors, or as a parsed document that
 * formats, whose output parses again, means the same (nothing lost) and is a fixed point of
 * format(parse(.)) by both the XML and the JSON path. A parsed document that format refuses
 * (even with a ModelError) counts as a failure of its own kind: parse and format disagree.
 * JSON inputs (the JSON form, mutated) must be refused with a LibvirtXmlError or format to
 * well-formed XML that parse reads back. Anything else is a failure, and so is an input that
 * takes longer than its time budget. Runs go through worker threads watched from the main
 * thread, so even an endless loop or running out of memory is caught and reported with the
 * input that caused it.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { LibvirtXmlError, ModelError, XmlSyntaxError } from '../../src/errors.js';
import { format, fromJson, parse, toJson, type AnyDocument } from '../../src/model/index.js';
import { parseXml } from '../../src/xml/parser.js';
import type { XmlElement } from '../../src/xml/tree.js';
import { compareTrees, firstDifference } from '../support/compare.js';
import { corpusFiles } from '../support/corpus.js';

// ---------------------------------------------------------------------------------------
// Random numbers

/** A small, fast, seedable generator (sfc32), seeded through splitmix32. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    let h = 0x9e3779b9;
    const mix = (): number => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    for (const s of seeds) h = (Math.imul(h ^ (s >>> 0), 0x27d4eb2d) + (Math.floor(s / 0x100000000) | 0)) | 0;
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 0 ? 0 : Math.floor((this.next() / 0x100000000) * n);
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() / 0x100000000 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A length that is usually small and sometimes large. */
  size(max: number): number {
    const r = this.int(10);
    return r < 6 ? this.range(1, 16) : r < 9 ? this.range(1, 256) : this.range(1, max);
  }
}

// ---------------------------------------------------------------------------------------
// Seed documents

export interface Seed {
  name: string;
  text: string;
}

/**
 * Small documents of several kinds, used when the corpus is absent and always mixed in:
 * they hold what the corpus has little of (comments, CDATA, namespaces, side data).
 */
const BUILT_IN: Seed[] = [
  {
    name: 'built-in/domain.xml',
    text: `<?xml version='1.0' encoding='UTF-8'?>
<!-- a guest -->
<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>web-01</name>
  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
  <description>Front end &amp; cache, "ops"</description>
  <metadata><app:info xmlns:app='urn:app'><app:x a='1'>t<![CDATA[<raw>]]></app:x></app:info></metadata>
  <memory unit='KiB'>0x100000</memory>
  <currentMemory unit='MiB'>+512</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64' machine='pc-q35-8.0'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features><acpi/><apic/></features>
  <clock offset='utc'/>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='/var/lib/libvirt/images/a.qcow2'/>
      <backingStore type='file'><format type='raw'/><source file='/b.raw'/><backingStore/></backingStore>
      <target dev='vda' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:12:34:56'/>
      <source network='default'/>
      <model type='virtio'/>
      <!-- keep me -->
      <unknown-child x='1'/>
    </interface>
    <graphics type='vnc' port='-1' autoport='yes' passwd='s3cr&apos;t'/>
  </devices>
  <qemu:commandline><qemu:arg value='-S'/></qemu:commandline>
</domain>
<!-- after -->
`,
  },
  {
    name: 'built-in/network.xml',
    text: `<network>
  <name>default</name>
  <forward mode='nat'><nat><port start='1024' end='65535'/></nat></forward>
  <bridge name='virbr0' stp='on' delay='0'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'>
    <dhcp><range start='192.168.122.2' end='192.168.122.254'/><host mac='52:54:00:00:00:01' name='a' ip='192.168.122.10'/></dhcp>
  </ip>
</network>
`,
  },
  {
    name: 'built-in/pool.xml',
    text: `<pool type='dir'>
  <name>images</name>
  <capacity unit='bytes'>1000</capacity>
  <target><path>/var/lib/libvirt/images</path><permissions><mode>0711</mode><owner>0</owner></permissions></target>
</pool>
`,
  },
  {
    name: 'built-in/filter.xml',
    text: `<filter name='clean-traffic' chain='root'>
  <filterref filter='no-mac-spoofing'/>
  <rule action='accept' direction='out' priority='-500'><mac protocolid='ipv4'/></rule>
  <rule action='drop' direction='inout'><all/></rule>
</filter>
`,
  },
  {
    name: 'built-in/secret.xml',
    text: `<secret ephemeral='no' private='yes'><description>a &lt;secret&gt;</description><usage type='volume'><volume>/a</volume></usage></secret>\n`,
  },
];

/** The corpus documents (when present) and the built-in ones, in a fixed order. */
export function loadSeeds(): Seed[] {
  return [...corpusFiles().map((f) => ({ name: f.name, text: f.text })), ...BUILT_IN];
}

// ---------------------------------------------------------------------------------------
// XML mutations

/** Values of the wrong type, or awkward spellings of the right one (as XML source). */
const WRONG_VALUES = [
  '', ' ', 'abc', '-1', '-0', '0', '+3', ' 7 ', '0x', '0xZZ', '0x0A', '0X1f', '1.5', '1e3', '1e999', '-1e999', 'NaN', 'Infinity',
  '18446744073709551615', '18446744073709551616', '99999999999999999999999999999', '9007199254740993', '1_000',
  'yes', 'no', 'on', 'off', 'true', 'garbage', 'default', 'none', '\u0663', '\uFF11', '1\u00A0', '&amp;', '&#10;', '&#x9;', '&#13;',
  '&lt;x&gt;', '&quot;', '&#x1F600;', 'é', '\uFEFF', 'x'.repeat(4096), '1'.repeat(400), '00000000-0000-0000-0000-000000000000',
  '52:54:00:zz:00:01', '/dev/null', 'KiB', 'GiB', 'bytes', 'vda', 'pci', 'file', 'network', 'block', 'virtio', 'q35',
];

const FRAGMENTS = [
  '<', '>', '/', '/>', '</x>', '<x>', '<x/>', '</', '&', '&amp;', '&lt', '&#0;', '&#x110000;', '&#xD800;', '&#65;', '&lol;', '&x;',
  '<!--', '-->', '<!-- c -->', '<!-- -- -->', '<![CDATA[', ']]>', '<![CDATA[x]]>', '<!DOCTYPE domain>', '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<!DOCTYPE x SYSTEM "file:///etc/passwd">', '<?xml version="1.0"?>', '<?pi data?>', '<?xml-stylesheet href="x"?>', '?>',
  " a='1'", ' b="2"', " type='file'", " unit='KiB'", " xmlns='urn:x'", " xmlns:q='urn:q'", " q:a='1'", '<q:x/>', " xmlns:q=''",
  " xml:lang='en'", " xmlns:xml='urn:bad'", '<x:y xmlns:x="urn:x"/>', "'", '"', '=', '\uD800', '\uFFFE', '\0', '\u0085', '\r', '\r\n',
  '<source file="/x"/>', '<address type="pci" bus="0x99"/>', '<target dev="vdz"/>', '<name>n</name>', '<uuid>u</uuid>', '<memory>1</memory>',
  '<devices/>', '<disk/>', '<interface/>', '<backingStore/>', '<metadata>', '</metadata>', '<description>', '</domain>',
];

/** One step of a mutation chain: the new input and what was done, for the report. */
type XmlMutator = (r: Rng, s: string) => [string, string];

function show(s: string, max = 60): string {
  return JSON.stringify(s.length > max ? s.slice(0, max) + `...(${s.length} chars)` : s);
}

function randomRange(r: Rng, len: number): [number, number] {
  const a = r.int(len + 1);
  return [a, Math.min(len, a + r.size(Math.max(1, len)))];
}

/** Offsets of every match of `re` (global) with its groups. */
function matches(s: string, re: RegExp): RegExpExecArray[] {
  return [...s.matchAll(re)];
}

/** Places where content may go: just after the end of a start tag or an end tag. */
function contentPositions(s: string): number[] {
  const out: number[] = [];
  for (let i = s.indexOf('>'); i >= 0; i = s.indexOf('>', i + 1)) out.push(i + 1);
  return out;
}

const ATTRIBUTE = /(\s)([A-Za-z_][\w:.-]*)=(['"])([^'"<]*)\3/g;
const TEXT = />([^<>]*[^\s<>][^<>]*)</g;
const START_TAG_NAME = /<([A-Za-z_][\w:.-]*)/g;

function randomUnit(r: Rng): string {
  switch (r.int(8)) {
    case 0:
      return String.fromCharCode(r.range(0x20, 0x7e));
    case 1:
      return String.fromCharCode(r.range(0, 0x1f));
    case 2:
      return r.pick(['<', '>', '&', ';', '"', "'", '=', '/', '!', '?', '-', '[', ']', '#', ':', ' ', '\n', '\t']);
    case 3:
      return String.fromCharCode(r.range(0xd800, 0xdfff));
    case 4:
      return r.pick(['\uFFFE', '\uFFFF', '\uFEFF', '\uFFFD', '\u0085', '\u2028', '\u00A0']);
    case 5:
      return String.fromCodePoint(r.range(0x80, 0xd7ff));
    case 6:
      return String.fromCodePoint(r.range(0x10000, 0x10ffff));
    default:
      return String.fromCharCode(r.range(0x7f, 0x9f));
  }
}

const XML_MUTATORS: [number, string, XmlMutator][] = [
  [3, 'truncate', (r, s) => {
    const at = r.int(s.length + 1);
    return [s.slice(0, at), `truncate at ${at}`];
  }],
  [4, 'duplicate range', (r, s) => {
    const [a, b] = randomRange(r, s.length);
    const at = r.int(s.length + 1);
    return [s.slice(0, at) + s.slice(a, b) + s.slice(at), `duplicate [${a},${b}) ${show(s.slice(a, b))} at ${at}`];
  }],
  [4, 'delete range', (r, s) => {
    const [a, b] = randomRange(r, s.length);
    return [s.slice(0, a) + s.slice(b), `delete [${a},${b}) ${show(s.slice(a, b))}`];
  }],
  [3, 'swap ranges', (r, s) => {
    const cuts = [r.int(s.length + 1), r.int(s.length + 1), r.int(s.length + 1), r.int(s.length + 1)].sort((x, y) => x - y);
    const [a, b, c, d] = cuts;
    return [s.slice(0, a) + s.slice(c, d) + s.slice(b, c) + s.slice(a, b) + s.slice(d), `swap [${a},${b}) with [${c},${d})`];
  }],
  [4, 'inject random characters', (r, s) => {
    let junk = '';
    for (let n = r.range(1, 8); n > 0; n--) junk += randomUnit(r);
    const at = r.int(s.length + 1);
    return [s.slice(0, at) + junk + s.slice(at), `inject ${show(junk)} at ${at}`];
  }],
  [6, 'inject markup', (r, s) => {
    const frag = r.pick(FRAGMENTS);
    const positions = r.chance(0.5) ? contentPositions(s) : [];
    const at = positions.length > 0 ? r.pick(positions) : r.int(s.length + 1);
    return [s.slice(0, at) + frag + s.slice(at), `inject ${show(frag)} at ${at}`];
  }],
  [2, 'inject deep nesting', (r, s) => {
    const depth = r.pick([50, 300, 500, 511, 512, 513, 1000, 100000]);
    const name = r.pick(['x', 'backingStore', 'backingStore', 'q:x', 'disk']);
    const balanced = r.chance(0.7);
    const open = name === 'backingStore' ? `<backingStore type='file'>` : `<${name}>`;
    const frag = open.repeat(depth) + (balanced ? `</${name}>`.repeat(depth) : '');
    // Backing stores go inside a disk, where the model itself recurses.
    const disks = name === 'backingStore' ? matches(s, /<disk\b[^>]*[^/]>/g).map((m) => m.index + m[0].length) : [];
    const positions = disks.length > 0 ? disks : contentPositions(s);
    const at = positions.length > 0 ? r.pick(positions) : r.int(s.length + 1);
    return [s.slice(0, at) + frag + s.slice(at), `inject ${balanced ? 'balanced' : 'unclosed'} <${name}> nesting ${depth} deep at ${at}`];
  }],
  [8, 'wrong attribute value', (r, s) => {
    const all = matches(s, ATTRIBUTE);
    if (all.length === 0) return [s, 'no attribute to change'];
    const m = r.pick(all);
    const value = r.chance(0.8) ? r.pick(WRONG_VALUES) : r.pick(all)[4];
    const start = m.index + m[1].length + m[2].length + 2;
    return [s.slice(0, start) + value + s.slice(start + m[4].length), `attribute ${m[2]}=${show(m[4])} at ${m.index} becomes ${show(value)}`];
  }],
  [6, 'wrong text', (r, s) => {
    const all = matches(s, TEXT);
    if (all.length === 0) return [s, 'no text to change'];
    const m = r.pick(all);
    const value = r.pick(WRONG_VALUES);
    return [s.slice(0, m.index + 1) + value + s.slice(m.index + 1 + m[1].length), `text ${show(m[1])} at ${m.index + 1} becomes ${show(value)}`];
  }],
  [3, 'remove attribute', (r, s) => {
    const all = matches(s, ATTRIBUTE);
    if (all.length === 0) return [s, 'no attribute to remove'];
    const m = r.pick(all);
    return [s.slice(0, m.index) + s.slice(m.index + m[0].length), `remove attribute ${m[0].trim()} at ${m.index}`];
  }],
  [3, 'add attribute', (r, s) => {
    const all = matches(s, START_TAG_NAME);
    if (all.length === 0) return [s, 'no element to add to'];
    const m = r.pick(all);
    const known = matches(s, ATTRIBUTE);
    const name = r.chance(0.5) && known.length > 0 ? r.pick(known)[2] : r.pick(['type', 'unit', 'bogus', 'x-y', 'index', 'model', 'xmlns', 'xmlns:z', '__proto__', 'constructor']);
    const value = r.pick(WRONG_VALUES);
    const at = m.index + m[0].length;
    return [s.slice(0, at) + ` ${name}='${value}'` + s.slice(at), `add ${name}=${show(value)} to <${m[1]}> at ${m.index}`];
  }],
  [5, 'line operation', (r, s) => {
    const lines = s.split('\n');
    const i = r.int(lines.length);
    const j = r.int(lines.length);
    switch (r.int(4)) {
      case 0:
        lines.splice(j, 0, lines[i]);
        return [lines.join('\n'), `duplicate line ${i + 1} at line ${j + 1}`];
      case 1:
        lines.splice(i, 1);
        return [lines.join('\n'), `delete line ${i + 1}`];
      case 2:
        [lines[i], lines[j]] = [lines[j], lines[i]];
        return [lines.join('\n'), `swap lines ${i + 1} and ${j + 1}`];
      default: {
        const [line] = lines.splice(i, 1);
        lines.splice(j, 0, line);
        return [lines.join('\n'), `move line ${i + 1} to ${j + 1}`];
      }
    }
  }],
  [3, 'rename elements', (r, s) => {
    const names = [...new Set(matches(s, START_TAG_NAME).map((m) => m[1]))];
    if (names.length === 0) return [s, 'no element to rename'];
    const from = r.pick(names);
    const to = r.chance(0.6) ? r.pick(names) : r.pick(['x', 'q:x', 'domain', 'unknown', 'address', 'source', 'Disk']);
    const re = new RegExp(`(</?)${from.replace(/[.]/g, '\\.')}(?=[\\s/>])`, 'g');
    return [s.replace(re, `$1${to}`), `rename every <${from}> to <${to}>`];
  }],
  [2, 'swap attribute values', (r, s) => {
    const all = matches(s, ATTRIBUTE);
    if (all.length < 2) return [s, 'fewer than two attributes'];
    let [m, n] = [r.pick(all), r.pick(all)];
    if (m.index > n.index) [m, n] = [n, m];
    if (m.index === n.index) return [s, 'same attribute twice'];
    const vm = m.index + m[1].length + m[2].length + 2;
    const vn = n.index + n[1].length + n[2].length + 2;
    const out = s.slice(0, vm) + n[4] + s.slice(vm + m[4].length, vn) + m[4] + s.slice(vn + n[4].length);
    return [out, `swap values of ${m[2]} at ${m.index} and ${n[2]} at ${n.index}`];
  }],
  [2, 'change the prolog', (r, s) => {
    const head = r.pick(['\uFEFF', '<?xml version="1.0"?>\n', '<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="2.0"?>', '<!-- c -->', ' ', '\n\n', '<!DOCTYPE domain>', 'x', '<?xml version="1.0"?><?xml version="1.0"?>']);
    return r.chance(0.7) ? [head + s, `prepend ${show(head)}`] : [s + head, `append ${show(head)}`];
  }],
  [1, 'change line ends', (_r, s) => [s.replace(/\n/g, '\r\n'), 'LF to CRLF']],
];

const XML_WEIGHT = XML_MUTATORS.reduce((n, [w]) => n + w, 0);

function pickWeighted<T>(r: Rng, items: [number, string, T][], total: number): T {
  let x = r.int(total);
  for (const [w, , m] of items) {
    if (x < w) return m;
    x -= w;
  }
  return items[items.length - 1][2];
}

/** Bytes that are not UTF-8, for the last step of some chains. */
const BAD_BYTES = [[0xff], [0xfe, 0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]];

export interface XmlCase {
  seed: number;
  iteration: number;
  source: string;
  input: string | Uint8Array;
  chain: string[];
}

/** Input `iteration` of the run with seed `seed`: always the same for the same seeds and corpus. */
export function xmlCase(seeds: readonly Seed[], seed: number, iteration: number): XmlCase {
  const r = new Rng(seed, iteration, 1);
  const doc = seeds[r.int(seeds.length)];
  let s = doc.text;
  const chain: string[] = [];
  for (let n = r.range(1, r.chance(0.2) ? 6 : 3); n > 0; n--) {
    const [next, what] = pickWeighted(r, XML_MUTATORS, XML_WEIGHT)(r, s);
    s = next;
    chain.push(what);
  }
  let input: string | Uint8Array = s;
  if (r.chance(0.08)) {
    const bytes = new TextEncoder().encode(s);
    if (r.chance(0.25)) {
      input = bytes;
      chain.push('as UTF-8 bytes');
    } else {
      const bad = r.pick(BAD_BYTES);
      const at = r.int(bytes.length + 1);
      const out = new Uint8Array(bytes.length + bad.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(bad, at);
      out.set(bytes.subarray(at), at + bad.length);
      input = out;
      chain.push(`as UTF-8 bytes, with bytes [${bad.map((b) => '0x' + b.toString(16)).join(' ')}] injected at byte ${at}`);
    }
  }
  return { seed, iteration, source: doc.name, input, chain };
}

// ---------------------------------------------------------------------------------------
// JSON mutations

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Nodes kept as XML in side data, well and badly shaped. */
const JUNK_NODES: Json[] = [
  5, null, true, 'text', '  ', '\u0001', [], {}, { name: 5 }, { name: 'x' }, { name: 'x', attrs: {} }, { name: 'x', children: [] },
  { name: 'x', attrs: null, children: [] }, { name: 'x', attrs: { a: 5 }, children: [] }, { name: 'x', attrs: { 'a b': '1' }, children: [] },
  { name: 'x', attrs: {}, children: 'no' }, { name: 'x', attrs: {}, children: [null] }, { name: 'x', attrs: {}, children: [{ name: 'y' }] },
  { name: '1x', attrs: {}, children: [] }, { name: 'a:b:c', attrs: {}, children: [] }, { name: 'q:x', attrs: {}, children: [] },
  { name: 'x', attrs: { 'xmlns:q': '' }, children: [] }, { comment: 5 }, { comment: 'a--b' }, { comment: 'ends-' }, { comment: ' fine ' },
  { cdata: 5 }, { cdata: ']]>' }, { pi: 'xml', data: 'version="1.0"' }, { pi: 5, data: '' }, { pi: 'p', data: '?>' }, { pi: 'p', data: 5 },
  { text: 5 }, { text: null }, { text: '\u0001' }, { text: 'stray' }, { weird: true },
];

const JUNK_VALUES: Json[] = [
  null, true, false, 0, -1, 1.5, 1e308, -0, 4294967296, 9007199254740993, '', 'abc', '0x0a', ' 1', 'yes', '\u0001', '\uFFFE', '\uD800', [],
  [null], [1, 2], {}, { value: 1 }, { $xml: 5 }, { $xml: { attrs: 'x' } }, '<x/>', '&amp;', 'x'.repeat(1000),
];

const JUNK_SIDES: Json[] = [
  5, 'x', [], null, true, { attrs: 5 }, { attrs: 'ab' }, { attrs: [] }, { attrs: ['a'] }, { attrs: { 'a b': '1' } }, { attrs: { '': '1' } },
  { attrs: { x: 5 } }, { attrs: { x: null } }, { attrs: { x: {} } }, { attrs: { x: '\u0001' } }, { attrs: { xmlns: 'urn:x' } },
  { attrs: { 'xmlns:q': 'urn:q', 'q:a': '1' } }, { attrs: { 'q:a': '1' } }, { attrs: { '__proto__': 'x' } }, { attrs: { type: 'dup' } },
  { spell: 5 }, { spell: { value: 5 } }, { spell: { value: '0x10' } }, { spell: { value: 'abc' } }, { spell: { unit: 'k' } }, { spell: 'x' },
  { invalid: 5 }, { invalid: { value: 5 } }, { invalid: { value: '<' } }, { invalid: { value: '\u0001' } }, { invalid: { type: 'x' } },
  { order: 5 }, { order: 'abc' }, { order: {} }, { order: [5] }, { order: ['nope'] }, { order: [null] }, { order: [[]] },
  { leaf: 5 }, { leaf: 'x' }, { leaf: { name: 5 } }, { leaf: { name: { attrs: 5 } } }, { leaf: { name: [null] } }, { leaf: { name: { order: [5] } } },
  { prolog: 5 }, { prolog: 'x' }, { prolog: [5] }, { prolog: [{ name: 'x', attrs: {}, children: [] }] }, { prolog: ['text'] },
  { prolog: [{ pi: 'xml', data: 'version="1.0"' }] }, { prolog: [{ pi: 'xml', data: 'bad' }] }, { epilog: [{ cdata: 'x' }] },
  { epilog: [{ comment: 'ok' }, null] },
];

/**
 * Where a value sits, as a chain of steps up to the root. Paths are built as text only for
 * the sites a mutation picks: in a deeply nested input, building every path eagerly would
 * take time and memory growing with the square of the depth.
 */
interface PathNode {
  up: PathNode | null;
  step: string;
}

/** The path as text, with the middle of a very deep one left out. */
function pathText(node: PathNode | null): string {
  const steps: string[] = [];
  for (let n = node; n; n = n.up) steps.push(n.step);
  steps.reverse();
  if (steps.length <= 16) return steps.join('');
  return steps.slice(0, 6).join('') + `…(${steps.length - 12} more levels)…` + steps.slice(-6).join('');
}

interface JsonSite {
  parent: Json[] | { [key: string]: Json };
  key: string | number;
  path: PathNode;
}

interface JsonObjectSite {
  obj: { [key: string]: Json };
  path: PathNode | null;
  /** The property holding the object, or holding the array that holds it (`disk` for `disk[0]`). */
  name: string;
}

/** Every place in a JSON value that holds a value (no recursion: inputs may be deep). */
function sites(root: Json, out: JsonSite[]): JsonSite[] {
  const stack: [Json, PathNode | null][] = [[root, null]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const here = { up: path, step: `[${i}]` };
        out.push({ parent: value, key: i, path: here });
        stack.push([v, here]);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const here = { up: path, step: `.${key}` };
        out.push({ parent: value, key, path: here });
        stack.push([value[key], here]);
      }
    }
  }
  return out;
}

/** Every object in a JSON value, with its path. */
function objectsIn(root: Json, out: JsonObjectSite[]): JsonObjectSite[] {
  const stack: [Json, PathNode | null, string][] = [[root, null, '']];
  while (stack.length > 0) {
    const [value, path, name] = stack.pop()!;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push([v, { up: path, step: `[${i}]` }, name]));
    else if (value !== null && typeof value === 'object') {
      out.push({ obj: value, path, name });
      for (const key of Object.keys(value)) stack.push([value[key], { up: path, step: `.${key}` }, key]);
    }
  }
  return out;
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

type JsonMutator = (r: Rng, root: { [key: string]: Json }) => string;

function setAt(site: JsonSite, value: Json): void {
  (site.parent as Record<string | number, Json>)[site.key] = value;
}

const JSON_MUTATORS: [number, string, JsonMutator][] = [
  [8, 'wrong type', (r, root) => {
    const all = sites(root, []);
    if (all.length === 0) return 'nothing to change';
    const site = r.pick(all);
    const value = clone(r.pick(JUNK_VALUES));
    setAt(site, value);
    return `${pathText(site.path)} = ${JSON.stringify(value).slice(0, 60)}`;
  }],
  [3, 'delete key', (r, root) => {
    const all = sites(root, []).filter((s) => !Array.isArray(s.parent));
    if (all.length === 0) return 'nothing to delete';
    const site = r.pick(all);
    delete (site.parent as Record<string, Json>)[site.key as string];
    return `delete ${pathText(site.path)}`;
  }],
  [3, 'unknown key', (r, root) => {
    const site = r.pick(objectsIn(root, []));
    const key = r.pick(['bogus', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '$xml2', 'valueOf']);
    const value = clone(r.pick(JUNK_VALUES));
    Object.defineProperty(site.obj, key, { value, enumerable: true, writable: true, configurable: true });
    return `${pathText(site.path)}[${JSON.stringify(key)}] = ${JSON.stringify(value).slice(0, 60)}`;
  }],
  [3, 'array for object, object for array', (r, root) => {
    const all = sites(root, []);
    if (all.length === 0) return 'nothing to reshape';
    const site = r.pick(all);
    const v = (site.parent as Record<string | number, Json>)[site.key];
    const next: Json = Array.isArray(v) ? { ...v } : v !== null && typeof v === 'object' ? [v] : [v];
    setAt(site, next);
    return `${pathText(site.path)} reshaped to ${Array.isArray(next) ? 'an array' : 'an object'}`;
  }],
  [6, 'broken side data', (r, root) => {
    const site = r.pick(objectsIn(root, []));
    const side = clone(r.pick(JUNK_SIDES));
    if (r.chance(0.5) && site.obj.$xml && typeof site.obj.$xml === 'object' && side !== null && typeof side === 'object' && !Array.isArray(side)) {
      Object.assign(site.obj.$xml as object, side);
      return `${pathText(site.path)}.$xml gets ${JSON.stringify(side).slice(0, 80)}`;
    }
    site.obj.$xml = side;
    return `${pathText(site.path)}.$xml = ${JSON.stringify(side).slice(0, 80)}`;
  }],
  [5, 'junk in the order of children', (r, root) => {
    const site = r.pick(objectsIn(root, []));
    const side = (site.obj.$xml && typeof site.obj.$xml === 'object' && !Array.isArray(site.obj.$xml) ? site.obj.$xml : (site.obj.$xml = {})) as { [key: string]: Json };
    const order = Array.isArray(side.order) ? side.order : (side.order = []);
    const keys = Object.keys(site.obj).filter((k) => k !== '$xml');
    const entry = r.chance(0.3) && keys.length > 0 ? r.pick(keys) : clone(r.pick(JUNK_NODES));
    const at = r.int(order.length + 1);
    order.splice(at, 0, entry);
    return `${pathText(site.path)}.$xml.order[${at}] inserted ${JSON.stringify(entry).slice(0, 80)}`;
  }],
  [3, 'string XML cannot carry', (r, root) => {
    const all = sites(root, []).filter((s) => typeof (s.parent as Record<string | number, Json>)[s.key] === 'string');
    if (all.length === 0) return 'no string';
    const site = r.pick(all);
    const old = (site.parent as Record<string | number, Json>)[site.key] as string;
    const bad = r.pick(['\u0000', '\u0001', '\u001F', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '\u000B']);
    const at = r.int(old.length + 1);
    setAt(site, old.slice(0, at) + bad + old.slice(at));
    return `${pathText(site.path)} gets ${JSON.stringify(bad)} at ${at}`;
  }],
  [2, 'deep nesting', (r, root) => {
    const objects = objectsIn(root, []);
    const key = r.pick(['backingStore', 'backingStore', 'order', 'x']);
    // Kept nodes are written with two spaces per level, so output grows with the square of
    // their depth: beyond a few thousand levels that is memory, not a finding per input
    // (the hostile tests measure it once).
    const depth = key === 'order' ? r.pick([10, 100, 600, 2000]) : r.pick([10, 100, 600, 3000, 20000]);
    // A chain of backing stores is the model's own recursion; put it on a disk when there is one.
    const disks = objects.filter((o) => o.name === 'disk' || o.name === 'backingStore');
    const site = key === 'backingStore' && disks.length > 0 ? r.pick(disks) : r.pick(objects);
    let inner: Json = key === 'order' ? { name: 'x', attrs: {}, children: [] } : {};
    for (let i = 0; i < depth; i++) {
      if (key === 'backingStore') inner = { type: 'file', backingStore: inner };
      else if (key === 'order') inner = { name: 'x', attrs: {}, children: [inner] };
      else inner = { x: inner };
    }
    if (key === 'order') site.obj.$xml = { order: [inner] };
    else site.obj[key] = inner;
    return `${pathText(site.path)}.${key === 'order' ? '$xml.order' : key} nested ${depth} deep`;
  }],
  [1, 'kind key', (r, root) => {
    const kind = Object.keys(root)[0];
    const doc = root[kind];
    delete root[kind];
    const next = r.pick(['Domain', 'nope', '', 'network', 'domain', 'toString', '__proto__']);
    Object.defineProperty(root, next, { value: doc, enumerable: true, writable: true, configurable: true });
    if (r.chance(0.3)) root.extra = {};
    return `kind key ${kind} becomes ${JSON.stringify(next)}`;
  }],
];

const JSON_WEIGHT = JSON_MUTATORS.reduce((n, [w]) => n + w, 0);

export interface JsonCase {
  seed: number;
  iteration: number;
  source: string;
  input: unknown;
  chain: string[];
}

/** The JSON form of each seed, computed on first use (seeds that do not parse are left out). */
const jsonForms = new WeakMap<readonly Seed[], (string | null)[]>();

function jsonFormOf(seeds: readonly Seed[], i: number): string | null {
  let forms = jsonForms.get(seeds);
  if (!forms) jsonForms.set(seeds, (forms = new Array(seeds.length)));
  if (forms[i] === undefined) {
    try {
      forms[i] = JSON.stringify(toJson(parse(seeds[i].text)));
    } catch {
      forms[i] = null;
    }
  }
  return forms[i];
}

/** JSON input `iteration` of the run with seed `seed`. */
export function jsonCase(seeds: readonly Seed[], seed: number, iteration: number): JsonCase {
  const r = new Rng(seed, iteration, 2);
  let index = r.int(seeds.length);
  let form = jsonFormOf(seeds, index);
  for (let tries = 0; form === null && tries < seeds.length; tries++) {
    index = (index + 1) % seeds.length;
    form = jsonFormOf(seeds, index);
  }
  if (form === null) throw new Error('no seed document parses: nothing to build JSON inputs from');
  const root = JSON.parse(form) as { [key: string]: Json };
  const chain: string[] = [];
  for (let n = r.range(1, r.chance(0.2) ? 5 : 2); n > 0; n--) chain.push(pickWeighted(r, JSON_MUTATORS, JSON_WEIGHT)(r, root));
  return { seed, iteration, source: seeds[index].name, input: root, chain };
}

// ---------------------------------------------------------------------------------------
// Checks

/** How one input ended. `failure` means a bug. */
export type Outcome =
  | { kind: 'parsed' }
  | { kind: 'rejected'; error: string }
  | { kind: 'formatted' }
  | { kind: 'failure'; problem: string; detail?: string };

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}\n${e.stack ?? ''}`;
  return `non-Error thrown: ${String(e)}`;
}

function failure(problem: string, detail?: string): Outcome {
  return { kind: 'failure', problem, detail };
}

function fmt(doc: AnyDocument): string {
  return format(doc.kind, doc.doc as never);
}

/**
 * The tree with whitespace taken out of the text of elements that also hold elements: there
 * it is indentation, which the library rewrites by design, even in the (invalid for
 * libvirt) mixed content a mutation can make, where it also gathers the text in one place.
 * Every other character of such text, and all text of elements without element children,
 * must survive as it was.
 */
function withoutIndentation(root: XmlElement): XmlElement {
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    const hasElements = el.children.some((c) => typeof c === 'object' && 'name' in c);
    if (hasElements) el.children = el.children.map((c) => (typeof c === 'string' ? c.replace(/[ \t\n\r]+/g, '') : c));
    for (const c of el.children) if (typeof c === 'object' && 'name' in c) stack.push(c);
  }
  return root;
}

/** Runs one XML input through parse, format, re-parse and both round trips. */
export function checkXml(input: string | Uint8Array): Outcome {
  let doc: AnyDocument;
  try {
    doc = parse(input);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      if (!(Number.isInteger(e.line) && Number.isInteger(e.column) && e.line >= 1 && e.column >= 1)) {
        return failure(`XmlSyntaxError with position ${e.line}:${e.column}`, e.message);
      }
      return { kind: 'rejected', error: e.name };
    }
    if (e instanceof LibvirtXmlError) return { kind: 'rejected', error: e.name };
    return failure('parse threw something other than a LibvirtXmlError', describeError(e));
  }
  let out: string;
  try {
    out = fmt(doc);
  } catch (e) {
    // A ModelError is the library's own error, but a document it has just read is one it
    // must be able to write: refusing it means parse and format disagree, so it counts as
    // a failure (its own kind, to tell it from a crash).
    if (e instanceof ModelError) return failure('a parsed document was refused by format (parse and format disagree)', describeError(e));
    return failure('format of a parsed document threw something other than a ModelError', describeError(e));
  }
  let again: AnyDocument;
  try {
    again = parse(out);
  } catch (e) {
    return failure('the formatted output does not parse again', `${describeError(e)}\noutput:\n${out}`);
  }
  // Nothing lost: the output means what the input meant.
  try {
    const diff = compareTrees(withoutIndentation(parseXml(input).root), withoutIndentation(parseXml(out).root));
    if (diff) return failure('the formatted output lost or changed something', `${diff}\noutput:\n${out}`);
  } catch (e) {
    return failure('comparing input and output threw', describeError(e));
  }
  try {
    const twice = fmt(again);
    if (twice !== out) return failure('format(parse(format(parse(x)))) differs from format(parse(x))', firstDifference(out, twice));
  } catch (e) {
    return failure('formatting the re-parsed output threw', describeError(e));
  }
  try {
    const viaJson = fmt(fromJson(JSON.parse(JSON.stringify(toJson(doc)))));
    if (viaJson !== out) return failure('XML -> JSON -> XML differs from XML -> XML', firstDifference(out, viaJson));
  } catch (e) {
    return failure('the JSON round trip threw', describeError(e));
  }
  return { kind: 'parsed' };
}

/** Runs one JSON-form input through fromJson and format; the output must be well-formed. */
export function checkJson(input: unknown): Outcome {
  let out: string;
  try {
    const doc = fromJson(input);
    out = fmt(doc);
  } catch (e) {
    if (e instanceof LibvirtXmlError) return { kind: 'rejected', error: e.name };
    return failure('format(fromJson(x)) threw something other than a LibvirtXmlError', describeError(e));
  }
  try {
    parseXml(out, { maxDepth: Infinity });
  } catch (e) {
    return failure('format(fromJson(x)) wrote XML that is not well-formed', `${describeError(e)}\noutput:\n${out.slice(0, 4000)}`);
  }
  try {
    parse(out, { maxDepth: Infinity });
  } catch (e) {
    return failure('format(fromJson(x)) wrote XML that parse refuses', `${describeError(e)}\noutput:\n${out.slice(0, 4000)}`);
  }
  return { kind: 'formatted' };
}

// ---------------------------------------------------------------------------------------
// Runs

export interface FuzzOptions {
  seed: number;
  /** XML inputs are iterations [0, iterations); every `jsonEvery`-th one is also a JSON input. */
  iterations: number;
  /** One iteration in this many is a JSON input instead of an XML one (0: none). */
  jsonEvery: number;
  /** A single input taking longer than this (ms, plus 1 ms per 4 KB of input) is a failure. */
  budgetMs: number;
  /** No progress for this long (ms) means a hang: the worker is stopped and the input reported. */
  hangMs: number;
  /** Stop after this many failures. */
  maxFailures: number;
  /** First iteration (to resume or replay one input). */
  from?: number;
  /** Worker threads to share the iterations among (default 1). */
  jobs?: number;
  /** For testing the harness itself: make iteration `at` hang, crash the worker or run slowly. */
  simulate?: { at: number; what: 'hang' | 'crash' | 'slow' };
}

export interface Failure {
  iteration: number;
  mode: 'xml' | 'json';
  source: string;
  chain: string[];
  problem: string;
  detail?: string;
  ms?: number;
  /** The input, shortened, for the report. */
  input: string;
  /** The command that runs this input again. */
  replay: string;
}

export interface Summary {
  seed: number;
  iterations: number;
  /** Outcome counts: `parsed`, `rejected XmlSyntaxError`, `format refused` ... */
  outcomes: Record<string, number>;
  failures: Failure[];
  slowest: { iteration: number; ms: number; mode: string };
  ms: number;
}

export function isJsonIteration(options: Pick<FuzzOptions, 'jsonEvery'>, i: number): boolean {
  return options.jsonEvery > 0 && i % options.jsonEvery === options.jsonEvery - 1;
}

export function caseFor(seeds: readonly Seed[], options: Pick<FuzzOptions, 'seed' | 'jsonEvery'>, i: number): XmlCase | JsonCase {
  return isJsonIteration(options, i) ? jsonCase(seeds, options.seed, i) : xmlCase(seeds, options.seed, i);
}

export function inputText(c: XmlCase | JsonCase, max = 2000): string {
  let s: string;
  if (c.input instanceof Uint8Array) s = `bytes: ${Buffer.from(c.input).toString('hex').slice(0, max)}`;
  else if (typeof c.input === 'string') s = c.input;
  else {
    try {
      s = JSON.stringify(c.input);
    } catch {
      s = '(too deeply nested to print: rebuild it from the seed and iteration)';
    }
  }
  return s.length > max ? s.slice(0, max) + `... (${s.length} characters)` : s;
}

function inputSize(c: XmlCase | JsonCase): number {
  if (typeof c.input === 'string' || c.input instanceof Uint8Array) return c.input.length;
  return 0;
}

function outcomeKey(o: Outcome): string {
  switch (o.kind) {
    case 'rejected':
      return `rejected: ${o.error}`;
    default:
      return o.kind;
  }
}

/**
 * Runs iterations [from, to) in this thread. `progress` is told the iteration about to run
 * (for the hang watchdog) and `onFailure` each failure as it happens.
 */
export function runIterations(
  seeds: readonly Seed[],
  options: FuzzOptions,
  from: number,
  to: number,
  progress: (i: number) => void,
  summary: Summary,
): void {
  for (let i = from; i < to && summary.failures.length < options.maxFailures; i++) {
    progress(i);
    const c = caseFor(seeds, options, i);
    const mode = isJsonIteration(options, i) ? 'json' : 'xml';
    const check = () => {
      const start = performance.now();
      const outcome = mode === 'json' ? checkJson(c.input) : checkXml(c.input as string | Uint8Array);
      if (options.simulate?.at === i) simulate(options.simulate.what, options.budgetMs);
      return { outcome, ms: performance.now() - start };
    };
    let { outcome, ms } = check();
    const budget = options.budgetMs + inputSize(c) / 4096;
    // A slow input is timed once more before it counts: a busy machine or a garbage
    // collection can stall one run, but not two in a row by the same amount.
    if (ms > budget) ms = Math.min(ms, check().ms);
    summary.iterations++;
    const key = `${mode} ${outcomeKey(outcome)}`;
    summary.outcomes[key] = (summary.outcomes[key] ?? 0) + 1;
    if (ms > summary.slowest.ms) summary.slowest = { iteration: i, ms, mode };
    if (outcome.kind === 'failure') {
      summary.failures.push({ iteration: i, mode, source: c.source, chain: c.chain, problem: outcome.problem, detail: outcome.detail, ms, input: inputText(c), replay: replayCommand(options, i) });
    } else if (ms > budget) {
      summary.failures.push({ iteration: i, mode, source: c.source, chain: c.chain, problem: `slow: took ${ms.toFixed(0)} ms (budget ${budget.toFixed(0)} ms)`, ms, input: inputText(c), replay: replayCommand(options, i) });
    }
  }
}

function simulate(what: 'hang' | 'crash' | 'slow', budgetMs: number): void {
  const until = what === 'slow' ? Date.now() + budgetMs + 200 : Infinity;
  if (what === 'crash') process.exit(70);
  while (Date.now() < until) {
    // spin
  }
}

export function emptySummary(seed: number): Summary {
  return { seed, iterations: 0, outcomes: {}, failures: [], slowest: { iteration: -1, ms: 0, mode: '' }, ms: 0 };
}

interface WorkerJob {
  libvirtXmlFuzz: true;
  options: FuzzOptions;
  from: number;
  to: number;
  progress: SharedArrayBuffer;
}

/** Worker side: runs its range and posts the summary. */
if (!isMainThread && (workerData as WorkerJob | undefined)?.libvirtXmlFuzz) {
  const job = workerData as WorkerJob;
  const cell = new Int32Array(job.progress);
  const seeds = loadSeeds();
  const summary = emptySummary(job.options.seed);
  let lastPost = Date.now();
  runIterations(
    seeds,
    job.options,
    job.from,
    job.to,
    (i) => {
      Atomics.store(cell, 0, i);
      const now = Date.now();
      if (now - lastPost > 1000) {
        lastPost = now;
        parentPort!.postMessage({ type: 'progress', iteration: i, summary });
      }
    },
    summary,
  );
  parentPort!.postMessage({ type: 'done', summary });
}

/**
 * Runs the whole fuzz in worker threads (`jobs` of them, each on its own share of the
 * iterations), watched for hangs. A hang is reported with the stuck input (rebuilt here from
 * the seed and iteration) and the run carries on after it.
 */
export async function runFuzz(options: FuzzOptions, onProgress?: (done: number, summary: Summary) => void): Promise<Summary> {
  const start = performance.now();
  const first = options.from ?? 0;
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, options.iterations));
  const partials: Summary[] = Array.from({ length: jobs }, () => emptySummary(options.seed));
  const report = () => {
    if (!onProgress) return;
    const sum = partials.reduce((acc, p) => mergeInto(acc, p), emptySummary(options.seed));
    onProgress(sum.iterations, sum);
  };
  const shares = Array.from({ length: jobs }, (_, j) => {
    const from = first + Math.floor((options.iterations * j) / jobs);
    const to = first + Math.floor((options.iterations * (j + 1)) / jobs);
    return runRange(options, from, to, Math.ceil(options.maxFailures / jobs), (p) => {
      partials[j] = p;
      report();
    });
  });
  const total = emptySummary(options.seed);
  for (const part of await Promise.all(shares)) mergeInto(total, part);
  total.failures.sort((a, b) => a.iteration - b.iteration);
  total.ms = performance.now() - start;
  return total;
}

/** Iterations [from, to) in one worker at a time, restarted after an input that hangs or kills it. */
async function runRange(options: FuzzOptions, first: number, to: number, maxFailures: number, onProgress: (partial: Summary) => void): Promise<Summary> {
  const total = emptySummary(options.seed);
  let from = first;
  const tsx = import.meta.resolve('tsx/esm/api');
  // tsx's loader does not reach worker threads by itself; the worker registers it first.
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  let seeds: Seed[] | undefined;

  while (from < to && total.failures.length < maxFailures) {
    const progress = new SharedArrayBuffer(4);
    const cell = new Int32Array(progress);
    Atomics.store(cell, 0, from - 1);
    const job: WorkerJob = { libvirtXmlFuzz: true, options: { ...options, maxFailures: maxFailures - total.failures.length }, from, to, progress };
    // A memory limit turns an input that eats memory into a reported failure, not a dead run.
    const worker = new Worker(bootstrap, { eval: true, workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1536 } });
    const result = await new Promise<{ summary?: Summary; hung?: number; error?: string }>((resolve) => {
      let last = Atomics.load(cell, 0);
      let lastChange = Date.now();
      const timer = setInterval(() => {
        const now = Atomics.load(cell, 0);
        if (now !== last) {
          last = now;
          lastChange = Date.now();
        } else if (now >= from && Date.now() - lastChange > options.hangMs) {
          clearInterval(timer);
          void worker.terminate();
          resolve({ hung: now });
        }
      }, 25);
      let latest: Summary | undefined;
      worker.on('message', (m: { type: string; summary: Summary }) => {
        latest = m.summary;
        if (m.type === 'progress') onProgress(mergeInto(clone(total), m.summary));
        else {
          clearInterval(timer);
          resolve({ summary: m.summary });
        }
      });
      worker.on('error', (e) => {
        clearInterval(timer);
        resolve({ summary: latest, error: describeError(e).split('\n')[0], hung: Atomics.load(cell, 0) });
      });
      worker.on('exit', (code) => {
        clearInterval(timer);
        resolve({ summary: latest, error: `the worker exited (code ${code}) without a summary`, hung: Atomics.load(cell, 0) });
      });
    });
    if (result.summary && result.hung === undefined) {
      mergeInto(total, result.summary);
      break;
    }
    // The worker hung or died on iteration `stuck`: count what it posted, report that input, go on after it.
    seeds ??= loadSeeds();
    const stuck = Math.max(result.hung ?? from, from);
    const partial = result.summary;
    if (partial) mergeInto(total, partial);
    // Iterations the worker finished but had not posted yet are run again here, so the counts stay exact.
    const doneBefore = partial ? partial.iterations : 0;
    if (from + doneBefore < stuck) runIterations(seeds, { ...options, maxFailures: Infinity }, from + doneBefore, stuck, () => {}, total);
    const c = caseFor(seeds, options, stuck);
    const mode = isJsonIteration(options, stuck) ? 'json' : 'xml';
    total.iterations++;
    const key = `${mode} failure`;
    total.outcomes[key] = (total.outcomes[key] ?? 0) + 1;
    total.failures.push({
      iteration: stuck,
      mode,
      source: c.source,
      chain: c.chain,
      problem: result.error ? `the worker died: ${result.error}` : `hang: no answer after ${options.hangMs} ms`,
      input: inputText(c),
      replay: replayCommand(options, stuck),
    });
    from = stuck + 1;
  }
  return total;
}

/** The command that runs input `i` of this run again, alone. */
export function replayCommand(options: Pick<FuzzOptions, 'seed' | 'jsonEvery'>, i: number): string {
  return `npm run fuzz -- --seed ${options.seed} --json-every ${options.jsonEvery} --from ${i} --iterations 1`;
}

function mergeInto(total: Summary, part: Summary): Summary {
  total.iterations += part.iterations;
  for (const [k, n] of Object.entries(part.outcomes)) total.outcomes[k] = (total.outcomes[k] ?? 0) + n;
  total.failures.push(...part.failures);
  if (part.slowest.ms > total.slowest.ms) total.slowest = part.slowest;
  return total;
}

/** Failures of the same kind together (same problem, same first line of detail once numbers and quoted text are blanked). */
export function groupFailures(failures: readonly Failure[]): { key: string; count: number; first: Failure }[] {
  const groups = new Map<string, { key: string; count: number; first: Failure }>();
  for (const f of failures) {
    const detail = (f.detail ?? '').split('\n')[0];
    const key = `${f.mode}: ${f.problem.startsWith('slow:') ? 'slow' : f.problem} | ${detail
      .replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '…')
      .replace(/\d+/g, 'N')
      .replace(/\/[^\s:]+(?=[:\s]|$)/g, '/…')}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { key, count: 1, first: f });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** A failure as text: how to rebuild its input and what went wrong. */
export function describeFailure(seed: number, f: Failure): string {
  return [
    `iteration ${f.iteration} (${f.mode}) of seed ${seed}: ${f.problem}`,
    `  seed document: ${f.source}`,
    `  mutations: ${f.chain.join('; ')}`,
    `  replay: ${f.replay}`,
    `  input: ${f.input.length > 600 ? f.input.slice(0, 600) + '...' : f.input}`,
    ...(f.detail ? [`  detail: ${f.detail.split('\n').slice(0, 12).join('\n    ')}`] : []),
  ].join('\n');
}

/**
 * Throughput on the corpus held in memory: our parse, format and round trip, against two
 * references run in the same process (saxes parsing the same text, and a plain loop over
 * its characters), so the ratios mean something on any machine.
 *
 *   npm run bench [-- --kind domain] [-- --seconds 2]
 */
import { SaxesParser } from 'saxes';
import { format, parse } from '../src/model/index.js';
import { parseXml } from '../src/xml/parser.js';
import { corpusFiles } from '../test/support/corpus.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const seconds = Number(opt('--seconds', '2'));

interface Row {
  name: string;
  mbps: number;
  usPerDoc: number;
}

/** Runs `fn` over every text repeatedly for about `seconds`, after a warm-up pass. */
function measure(name: string, texts: string[], bytes: number, fn: (text: string, i: number) => void): Row {
  for (let i = 0; i < texts.length; i++) fn(texts[i], i);
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < texts.length; i++) fn(texts[i], i);
    rounds++;
    elapsed = performance.now() - start;
  } while (elapsed < seconds * 1000);
  const perRound = elapsed / rounds / 1000;
  return { name, mbps: bytes / 1e6 / perRound, usPerDoc: (perRound * 1e6) / texts.length };
}

function saxesParse(text: string): void {
  const p = new SaxesParser({ xmlns: true });
  let n = 0;
  p.on('opentag', () => n++);
  p.on('text', () => n++);
  p.write(text).close();
}

let sink = 0;
function charLoop(text: string): void {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h + text.charCodeAt(i)) | 0;
  sink ^= h;
}

/** Retained heap per parsed document: parse them all, keep them, and measure after a full GC. */
function memoryPerDocument(texts: string[]): number | undefined {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return undefined;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = texts.map((t) => parse(t));
  gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== texts.length) throw new Error('unreachable');
  return (after - before) / texts.length;
}

function table(title: string, kind: (root: string) => boolean): void {
  const files = corpusFiles().filter((f) => kind(f.root));
  // Only documents we can parse take part (all of them, once every kind is modeled).
  const ok = files.filter((f) => {
    try {
      parse(f.text);
      return true;
    } catch {
      return false;
    }
  });
  const texts = ok.map((f) => f.text);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const parsed = texts.map((t) => parse(t));
  const rows = [
    measure('char loop (reference)', texts, bytes, charLoop),
    measure('saxes parse (reference)', texts, bytes, saxesParse),
    measure('XML tree only (our tokenizer)', texts, bytes, (t) => void parseXml(t)),
    measure('parse', texts, bytes, (t) => void parse(t)),
    measure('format', texts, bytes, (_t, i) => void format(parsed[i].kind, parsed[i].doc as never)),
    measure('round trip (parse + format)', texts, bytes, (t) => {
      const d = parse(t);
      format(d.kind, d.doc as never);
    }),
  ];
  const saxes = rows[1].mbps;
  const loop = rows[0].mbps;
  const mem = memoryPerDocument(texts);
  console.log(`\n${title}: ${texts.length} documents (${files.length - ok.length} skipped), ${(bytes / 1e6).toFixed(2)} MB`);
  console.log(
    mem === undefined
      ? 'memory per parsed document: run with --expose-gc to measure'
      : `memory per parsed document: ${(mem / 1024).toFixed(1)} KiB retained (${(mem / (bytes / texts.length)).toFixed(1)}x the XML text)`,
  );
  console.log('| operation | MB/s | µs/doc | vs saxes | vs char loop |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.mbps.toFixed(1)} | ${r.usPerDoc.toFixed(1)} | ${(r.mbps / saxes).toFixed(2)} | ${(r.mbps / loop).toFixed(3)} |`);
  }
}

table('Domain corpus', (r) => r === 'domain');
if (!args.includes('--domain-only')) table('Whole corpus', () => true);
if (sink === 42) console.log('');

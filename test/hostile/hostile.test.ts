/**
 * Hostile inputs, through the public API (`parse`, `parseDomain`, `format`, `fromJson`) and
 * through the command line's `main`: entity expansion, external entities, deep nesting,
 * huge values and documents, broken encodings, NUL, whitespace-only and empty input. Each
 * gets a clear answer in bounded time: a result, or a LibvirtXmlError (from the CLI: exit 1
 * and a message naming the file and line:column), never another exception, a crash or a
 * network or file access.
 *
 * Time limits are generous (shared CI machines); they are there to catch exponential or
 * quadratic behaviour, which takes minutes, not to benchmark.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { main } from '../../src/cli/main.js';
import { LibvirtXmlError, ModelError, XmlSyntaxError } from '../../src/errors.js';
import { formatDomain, parseDomain } from '../../src/index.js';
import { format, fromJson, parse } from '../../src/model/index.js';

// ---------------------------------------------------------------------------------------
// Helpers

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'libvirt-xml-hostile-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

let fileCount = 0;
function file(content: string | Uint8Array, ext = '.xml'): string {
  const path = join(dir, `input-${++fileCount}${ext}`);
  writeFileSync(path, content);
  return path;
}

function cli(args: string[], stdin = ''): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => stdin });
  // fmt, json and xml answer at once; only validate may load something first.
  if (typeof code !== 'number') throw new Error(`main(${args[0]}) returned a promise`);
  return { code, stdout, stderr };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runs `f`, which must throw an XmlSyntaxError; returns it. */
function syntaxError(f: () => unknown, what: string): XmlSyntaxError {
  let error: unknown;
  try {
    f();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof XmlSyntaxError, `${what}: expected an XmlSyntaxError, got ${error instanceof Error ? error.stack : String(error)}`);
  assert.ok(error.line >= 1 && error.column >= 1, `${what}: position ${error.line}:${error.column}`);
  return error;
}

/**
 * The input must be refused everywhere with an XmlSyntaxError whose reason matches: by
 * `parse`, by `parseDomain`, from a string and from bytes, and by `fmt` on a file
 * (exit 1, `FILE:LINE:COLUMN: reason` on standard error, nothing on standard output).
 */
function refusedEverywhere(input: string | Uint8Array, reason: RegExp, what: string, maxMs = 2000): void {
  const start = performance.now();
  const e = syntaxError(() => parse(input), `${what} (parse)`);
  assert.match(e.reason, reason, `${what}: reason`);
  syntaxError(() => parseDomain(input), `${what} (parseDomain)`);
  if (typeof input === 'string') syntaxError(() => parse(new TextEncoder().encode(input)), `${what} (parse, bytes)`);
  const ms = performance.now() - start;
  assert.ok(ms < maxMs, `${what}: took ${ms.toFixed(0)} ms`);

  const path = file(input);
  const r = cli(['fmt', path]);
  assert.equal(r.code, 1, `${what}: exit code of fmt (stderr: ${r.stderr})`);
  assert.equal(r.stdout, '', `${what}: fmt wrote output`);
  assert.match(r.stderr, new RegExp(`^${escapeRegExp(path)}:\\d+:\\d+: `), `${what}: fmt message names the file and line:column`);
  assert.match(r.stderr, reason, `${what}: fmt message gives the reason`);
  if (typeof input === 'string') {
    const s = cli(['fmt', '-'], input);
    assert.equal(s.code, 1, `${what}: exit code of fmt on standard input`);
    assert.match(s.stderr, /^-:\d+:\d+: /, `${what}: fmt on standard input names '-' and line:column`);
  }
}

function minimalDomain(inner = ''): string {
  return `<domain type='kvm'>\n  <name>guest</name>\n${inner}</domain>\n`;
}

// ---------------------------------------------------------------------------------------

describe('entity expansion and external entities', () => {
  const laughs =
    `<?xml version="1.0"?>\n<!DOCTYPE domain [\n  <!ENTITY lol "lol">\n` +
    Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">\n`).join('') +
    `]>\n<domain type='kvm'><name>&lol9;</name></domain>\n`;

  test('billion laughs: refused at once, nothing expanded', () => {
    refusedEverywhere(laughs, /internal subset/, 'billion laughs', 1000);
  });

  test('quadratic blowup (one big entity used many times): refused at once', () => {
    const xml = `<!DOCTYPE domain [<!ENTITY a "${'a'.repeat(100_000)}">]><domain type='kvm'><name>${'&a;'.repeat(10_000)}</name></domain>`;
    refusedEverywhere(xml, /internal subset/, 'quadratic blowup', 1000);
  });

  test('an external entity (file) is refused, not read', () => {
    refusedEverywhere(`<!DOCTYPE domain [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<domain type='kvm'><name>&xxe;</name></domain>`, /internal subset/, 'external entity');
  });

  test('an external parameter entity is refused', () => {
    refusedEverywhere(`<!DOCTYPE domain [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>\n<domain type='kvm'/>`, /internal subset/, 'parameter entity');
  });

  test('an entity reference without a DTD is an undefined entity, not a lookup', () => {
    refusedEverywhere(minimalDomain(`  <description>&xxe;</description>\n`), /undefined entity &xxe;/, 'undefined entity');
  });

  describe('an external DTD is never fetched', () => {
    let server: Server;
    let port = 0;
    let connections = 0;
    before(async () => {
      server = createServer((socket) => {
        connections++;
        socket.end('<!ENTITY xxe "pwned">');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('a DOCTYPE with a SYSTEM identifier is skipped: the document parses, nothing is fetched', async () => {
      const xml = `<!DOCTYPE domain SYSTEM "http://127.0.0.1:${port}/domain.dtd">\n` + minimalDomain();
      const doc = parseDomain(xml);
      assert.equal(doc.name, 'guest');
      formatDomain(doc);
      const r = cli(['fmt', file(xml)]);
      assert.equal(r.code, 0, r.stderr);
      // Using an entity from it is still an undefined entity.
      const withEntity = `<!DOCTYPE domain PUBLIC "-//x//y" "http://127.0.0.1:${port}/domain.dtd">\n` + minimalDomain('  <description>&xxe;</description>\n');
      syntaxError(() => parseDomain(withEntity), 'entity from an external DTD');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(connections, 0, 'the parser connected to the DTD server');
    });
  });

  test('XInclude is an unknown element, kept and not expanded', () => {
    const xml = minimalDomain(`  <metadata>\n    <xi:include xmlns:xi='http://www.w3.org/2001/XInclude' href='/etc/passwd' parse='text'/>\n  </metadata>\n`);
    const out = formatDomain(parseDomain(xml));
    assert.match(out, /<xi:include xmlns:xi='http:\/\/www.w3.org\/2001\/XInclude' href='\/etc\/passwd' parse='text'\/>/);
    assert.doesNotMatch(out, /root:/);
  });
});

describe('deep nesting', () => {
  test('100000 nested elements: a clear error at the limit, no stack overflow', () => {
    refusedEverywhere(`<domain type='kvm'>` + '<a>'.repeat(100_000) + '</a>'.repeat(100_000) + '</domain>', /nesting deeper than \d+ elements/, '100000-deep nesting');
    refusedEverywhere('<domain>'.repeat(100_000), /nesting deeper than \d+ elements/, '100000 unclosed');
  });

  test('a chain of backing stores as deep as the parser allows parses, formats and reads back', () => {
    const depth = 500;
    const xml = minimalDomain(
      `  <devices>\n    <disk type='file' device='disk'>\n      <source file='/a'/>\n` +
        `<backingStore type='file'><format type='qcow2'/><source file='/b'/>`.repeat(depth) +
        '</backingStore>'.repeat(depth) +
        `\n      <target dev='vda'/>\n    </disk>\n  </devices>\n`,
    );
    const out = formatDomain(parseDomain(xml));
    assert.equal(formatDomain(parseDomain(out)), out);
    let chain = parseDomain(out).devices?.disk?.[0] as { backingStore?: unknown } | undefined;
    let n = 0;
    while (chain?.backingStore) {
      chain = chain.backingStore as { backingStore?: unknown };
      n++;
    }
    assert.equal(n, depth);
  });

  test('with the depth limit lifted, 100000 nested backing stores: a result or a LibvirtXmlError, not a stack overflow', () => {
    const depth = 100_000;
    const xml = minimalDomain(`  <devices>\n    <disk type='file' device='disk'>` + `<backingStore type='file'>`.repeat(depth) + '</backingStore>'.repeat(depth) + `</disk>\n  </devices>\n`);
    try {
      parse(xml, { maxDepth: Infinity });
    } catch (e) {
      assert.ok(e instanceof LibvirtXmlError, `parse with maxDepth: Infinity threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} (the XML layer reads any depth without recursion; the codec recurses per element)`);
    }
  });

  test('JSON: 20000 nested backing stores give a LibvirtXmlError or XML, never a stack overflow', () => {
    const depth = 20_000;
    const json =
      `{"domain":{"type":"kvm","name":"guest","devices":{"disk":[{"type":"file","device":"disk","backingStore":` +
      '{"type":"file","backingStore":'.repeat(depth) +
      '{}' +
      '}'.repeat(depth) +
      '}]}}}';
    const value: unknown = JSON.parse(json);
    let apiError: unknown;
    try {
      const doc = fromJson(value);
      format(doc.kind, doc.doc as never);
    } catch (e) {
      apiError = e;
    }
    assert.ok(apiError === undefined || apiError instanceof LibvirtXmlError, `format(fromJson(...)) threw ${apiError instanceof Error ? `${apiError.name}: ${apiError.message}` : String(apiError)}`);

    const path = file(json, '.json');
    let r: ReturnType<typeof cli> | undefined;
    let crash: unknown;
    try {
      r = cli(['xml', path]);
    } catch (e) {
      crash = e;
    }
    assert.equal(crash, undefined, `the CLI's main threw instead of answering: ${crash instanceof Error ? `${crash.name}: ${crash.message}` : String(crash)}`);
    assert.ok(r!.code === 0 || (r!.code === 1 && r!.stderr.startsWith(`${path}: `)), `xml: exit ${r!.code}, ${r!.stderr}`);
  });

  test('JSON: a kept node nested 10000 deep is refused, or written in bounded size as XML that parse reads back', { timeout: 60_000 }, async () => {
    // Kept nodes are indented two spaces per level, so the output grows with the square of
    // the depth (10000 levels: about 200 MB from 370 KB of JSON), and nothing deeper than
    // the parser's limit (512) can be read back. Run where running out of memory is an
    // answer, not the end of the test process.
    const result = await inWorker(`
      const { format, parse } = await import(${JSON.stringify(new URL('../../src/model/index.ts', import.meta.url).href)});
      const { LibvirtXmlError } = await import(${JSON.stringify(new URL('../../src/errors.ts', import.meta.url).href)});
      let node = { name: 'x', attrs: {}, children: [] };
      for (let i = 0; i < 10000; i++) node = { name: 'x', attrs: {}, children: [node] };
      const start = performance.now();
      let out;
      try {
        out = format('domain', { type: 'kvm', name: 'g', $xml: { order: [node] } });
      } catch (e) {
        return { error: e instanceof LibvirtXmlError ? 'LibvirtXmlError' : String(e), ms: performance.now() - start };
      }
      const ms = performance.now() - start;
      let readBack = 'yes';
      try { parse(out); } catch (e) { readBack = String(e).slice(0, 200); }
      return { length: out.length, ms, readBack };
    `);
    assert.ok(!('crashed' in result), `formatting a 10000-deep kept node crashed the thread: ${JSON.stringify(result)}`);
    if ('error' in result) {
      assert.equal(result.error, 'LibvirtXmlError', `threw ${String(result.error)}`);
    } else {
      const mb = ((result.length as number) / 1e6).toFixed(0);
      assert.ok((result.length as number) <= 64e6, `about 370 KB of JSON formatted to ${mb} MB of XML`);
      assert.equal(result.readBack, 'yes', `format wrote ${mb} MB that its own parse refuses`);
    }
    assert.ok((result.ms as number) < 20_000, `took ${(result.ms as number).toFixed(0)} ms`);
  });
});

/** Runs an async function body in a worker with 512 MB of heap; a crash (out of memory) is a result too. */
function inWorker(body: string): Promise<Record<string, unknown>> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `
    const { parentPort } = require('node:worker_threads');
    import(${JSON.stringify(tsx)}).then(async (m) => {
      m.register();
      const result = await (async () => { ${body} })();
      parentPort.postMessage(result);
    }).catch((e) => parentPort.postMessage({ crashed: String(e && e.stack || e) }));
  `;
  return new Promise((resolve) => {
    const worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.on('message', (m: Record<string, unknown>) => {
      resolve(m);
      void worker.terminate();
    });
    worker.on('error', (e) => resolve({ crashed: `${e.name}: ${e.message}` }));
    worker.on('exit', (code) => resolve({ crashed: `exit ${code}` }));
  });
}

describe('huge values and documents', () => {
  test('a 50 MB attribute value and a 50 MB text value round-trip in bounded time', () => {
    const big = 'A'.repeat(50_000_000);
    const xml = `<domain type='kvm' x-huge='${big}'><name>${big}</name></domain>`;
    const start = performance.now();
    const doc = parse(xml);
    const out = format(doc.kind, doc.doc as never);
    const ms = performance.now() - start;
    assert.equal((doc.doc as { name: string }).name.length, big.length);
    assert.ok(out.includes(` x-huge='${big}'`));
    assert.ok(ms < 20_000, `took ${ms.toFixed(0)} ms`);
  });

  test('50 MB of escaped text and attribute values round-trip in bounded time', () => {
    const piece = 'a&amp;b&lt;c&#9;';
    const big = piece.repeat(Math.ceil(25_000_000 / piece.length));
    const xml = `<domain type='kvm' x-huge='${big}'><name>${big}</name></domain>`;
    const start = performance.now();
    const doc = parse(xml);
    const out = format(doc.kind, doc.doc as never);
    const again = parse(out);
    const ms = performance.now() - start;
    assert.equal((again.doc as { name: string }).name, (doc.doc as { name: string }).name);
    assert.ok(ms < 30_000, `took ${ms.toFixed(0)} ms`);
  });

  test('a 50 MB domain (200000 disks, some unknown elements) parses and formats, in the API and the CLI, in bounded time', () => {
    const disk = (i: number) =>
      `    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2' cache='none'/>\n      <source file='/var/lib/libvirt/images/disk${i}.qcow2'/>\n` +
      `      <target dev='vd${i}' bus='virtio'/>\n      <unknown-thing a='${i}'/>\n    </disk>\n`;
    const parts = [`<domain type='kvm'>\n  <name>big</name>\n  <devices>\n`];
    let size = 0;
    for (let i = 0; size < 50_000_000; i++) {
      const d = disk(i);
      parts.push(d);
      size += d.length;
    }
    parts.push('  </devices>\n</domain>\n');
    const xml = parts.join('');
    let start = performance.now();
    const out = formatDomain(parseDomain(xml));
    let ms = performance.now() - start;
    assert.equal(out, xml, 'a document already in libvirt style comes back byte for byte');
    assert.ok(ms < 30_000, `API: took ${ms.toFixed(0)} ms`);

    const path = file(xml);
    start = performance.now();
    const r = cli(['fmt', path]);
    ms = performance.now() - start;
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.length, xml.length);
    assert.ok(ms < 30_000, `CLI: took ${ms.toFixed(0)} ms`);
  });

  test('100000 unknown attributes on one element and 100000 unknown siblings: linear, not quadratic', () => {
    const attrs = Array.from({ length: 100_000 }, (_, i) => ` a${i}='${i}'`).join('');
    const kids = Array.from({ length: 100_000 }, (_, i) => `<x${i % 7} n='${i}'/>`).join('');
    const xml = `<domain type='kvm'${attrs}><name>g</name>${kids}</domain>`;
    const start = performance.now();
    const doc = parse(xml);
    const out = format(doc.kind, doc.doc as never);
    const ms = performance.now() - start;
    assert.equal(format(doc.kind, parse(out).doc as never), out);
    assert.ok(ms < 10_000, `took ${ms.toFixed(0)} ms`);
  });
});

describe('encodings and degenerate input', () => {
  const encoder = new TextEncoder();

  test('invalid UTF-8 bytes are an XmlSyntaxError, in the API and the CLI', () => {
    const cases: [string, number[]][] = [
      ['a lone 0xFF', [0xff]],
      ['an overlong NUL', [0xc0, 0x80]],
      ['an encoded surrogate', [0xed, 0xa0, 0x80]],
      ['a truncated sequence', [0xe2, 0x82]],
      ['beyond U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
      ['Latin-1 text', [0x63, 0x61, 0x66, 0xe9]],
    ];
    for (const [what, bad] of cases) {
      const head = encoder.encode(`<domain type='kvm'>\n  <name>`);
      const tail = encoder.encode(`</name>\n</domain>\n`);
      const bytes = new Uint8Array([...head, ...bad, ...tail]);
      const e = syntaxError(() => parse(bytes), what);
      assert.match(e.reason, /UTF-8/, what);
      syntaxError(() => parseDomain(bytes), `${what} (parseDomain)`);
      const path = file(bytes);
      const r = cli(['fmt', path]);
      assert.equal(r.code, 1, `${what}: fmt of a file that is not UTF-8 exited ${r.code} and printed ${JSON.stringify(r.stdout.slice(0, 120))}`);
      assert.match(r.stderr, new RegExp(`^${escapeRegExp(path)}:\\d+:\\d+: .*UTF-8`), `${what}: ${r.stderr}`);
    }
  });

  test('a byte-order mark is accepted, from text, bytes and files, and not written back', () => {
    const xml = minimalDomain();
    assert.equal(parseDomain('\uFEFF' + xml).name, 'guest');
    assert.equal(parseDomain(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(xml)])).name, 'guest');
    const r = cli(['fmt', file(new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(xml)]))]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, xml);
  });

  test('a UTF-16 document (BOM FF FE) is refused clearly', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(minimalDomain()).flatMap((c) => [c.charCodeAt(0), 0])]);
    syntaxError(() => parse(utf16), 'UTF-16 bytes');
    const path = file(utf16);
    const r = cli(['fmt', path]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^${escapeRegExp(path)}:\\d+:\\d+: `));
  });

  test('a NUL byte is an XmlSyntaxError at its position', () => {
    refusedEverywhere(`<domain type='kvm'>\n  <name>a\0b</name>\n</domain>\n`, /U\+0000/, 'NUL in text');
    refusedEverywhere(`<domain type='kvm' x='\0'/>`, /U\+0000/, 'NUL in an attribute');
    refusedEverywhere(`\0<domain/>`, /U\+0000/, 'NUL first');
    const e = syntaxError(() => parse(`<domain type='kvm'>\n  <name>a\0b</name>\n</domain>\n`), 'NUL');
    assert.deepEqual([e.line, e.column], [2, 10]);
  });

  test('a document of only whitespace is an XmlSyntaxError', () => {
    refusedEverywhere('  \n\t \n ', /no root element/, 'whitespace only');
    refusedEverywhere('\uFEFF \n', /no root element/, 'BOM and whitespace');
  });

  test('an empty input is an XmlSyntaxError', () => {
    refusedEverywhere('', /no root element/, 'empty string');
    syntaxError(() => parse(new Uint8Array(0)), 'empty bytes');
    syntaxError(() => parseDomain(new Uint8Array(0)), 'empty bytes (parseDomain)');
    const r = cli(['xml', file('', '.json')]);
    assert.equal(r.code, 1, 'xml of an empty JSON file');
  });

  test('only a comment, only a declaration, only a DOCTYPE: no root element', () => {
    refusedEverywhere('<!-- nothing -->', /no root element/, 'comment only');
    refusedEverywhere('<?xml version="1.0"?>', /no root element/, 'declaration only');
    refusedEverywhere('<!DOCTYPE domain>', /no root element/, 'DOCTYPE only');
  });

  test('a well-formed document of another kind or namespace is a ModelError, from the CLI exit 1', () => {
    for (const xml of ['<html/>', `<domain xmlns='urn:not-libvirt' type='kvm'/>`]) {
      assert.throws(() => parse(xml), ModelError);
      assert.throws(() => parseDomain(xml), ModelError);
      const path = file(xml);
      const r = cli(['fmt', path]);
      assert.equal(r.code, 1);
      assert.ok(r.stderr.startsWith(`${path}: `), r.stderr);
    }
  });
});

/**
 * The command line: outputs, --out-dir, --strict, exit codes and error messages.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const example = join(root, 'examples/guest.xml');

function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => stdin });
  return { code, stdout, stderr };
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'libvirt-xml-cli-'));
}

test('fmt prints the formatted document', () => {
  const r = run(['fmt', example]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^<domain type='kvm' xmlns:qemu='http:\/\/libvirt.org\/schemas\/domain\/qemu\/1.0'>\n  <name>web-01<\/name>\n/);
  assert.match(r.stdout, /<description>Front end &amp; cache, managed by &quot;ops&quot;<\/description>/);
  assert.match(r.stdout, /passwd='s3cr&apos;t'/);
});

test('fmt reads standard input with -', () => {
  const r = run(['fmt', '-'], `<domain type="qemu"><name>a</name></domain>`);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `<domain type='qemu'>\n  <name>a</name>\n</domain>\n`);
});

test('json then xml gives the document back', () => {
  const dir = tmp();
  const j = run(['json', example]);
  assert.equal(j.code, 0, j.stderr);
  const parsed = JSON.parse(j.stdout);
  assert.equal(parsed.domain.name, 'web-01');
  const jsonFile = join(dir, 'guest.json');
  writeFileSync(jsonFile, j.stdout);
  const x = run(['xml', jsonFile]);
  assert.equal(x.code, 0, x.stderr);
  assert.equal(x.stdout, run(['fmt', example]).stdout);
});

test('--out-dir writes each result under the path given, in one process', () => {
  const dir = tmp();
  const src = join(dir, 'in');
  mkdirSync(join(src, 'sub'), { recursive: true });
  writeFileSync(join(src, 'a.xml'), `<domain type='kvm'><name>a</name></domain>`);
  writeFileSync(join(src, 'sub/b.xml'), `<domain type='kvm'><name>b</name></domain>`);
  const out = join(dir, 'out');
  const prev = process.cwd();
  process.chdir(src);
  try {
    assert.equal(run(['fmt', '--out-dir', out, 'a.xml', 'sub/b.xml']).code, 0);
    assert.equal(run(['json', '--out-dir', out, 'a.xml']).code, 0);
  } finally {
    process.chdir(prev);
  }
  assert.equal(readFileSync(join(out, 'a.xml'), 'utf8'), `<domain type='kvm'>\n  <name>a</name>\n</domain>\n`);
  assert.equal(readFileSync(join(out, 'sub/b.xml'), 'utf8'), `<domain type='kvm'>\n  <name>b</name>\n</domain>\n`);
  assert.equal(JSON.parse(readFileSync(join(out, 'a.json'), 'utf8')).domain.name, 'a');
});

test('--strict reports unmodeled nodes one per line and exits 3', () => {
  const dir = tmp();
  const f = join(dir, 'x.xml');
  writeFileSync(f, `<domain type='kvm' foo='1'><name>a</name><devices><disk type='file' bar='2'/></devices><zzz/></domain>`);
  const r = run(['fmt', '--strict', f]);
  assert.equal(r.code, 3);
  assert.equal(r.stdout, '');
  assert.deepEqual(r.stderr.trim().split('\n'), [
    `${f}: /domain/@foo unmodeled`,
    `${f}: /domain/devices/disk[1]/@bar unmodeled`,
    `${f}: /domain/zzz[1] unmodeled`,
  ]);
  // Without --strict the same document formats, keeping everything.
  const plain = run(['fmt', f]);
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /<domain type='kvm' foo='1'>/);
  assert.match(plain.stdout, /<disk type='file' bar='2'\/>/);
  assert.match(plain.stdout, /<zzz\/>/);
});

test('malformed XML: exit 1, message names file, line and column, nothing written', () => {
  const dir = tmp();
  const f = join(dir, 'bad.xml');
  writeFileSync(f, `<domain type='kvm'>\n  <name>a</nam>\n</domain>`);
  const out = join(dir, 'out');
  const r = run(['fmt', '--out-dir', out, f]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: `));
  assert.ok(!existsSync(out) || readdirSync(out, { recursive: true }).length === 0);
});

test('a bad JSON value: exit 1 naming the path', () => {
  const dir = tmp();
  const f = join(dir, 'bad.json');
  writeFileSync(f, JSON.stringify({ domain: { type: 'kvm', name: 'a', devices: { disk: [{ type: 'file', target: { dev: 5 } }] } } }));
  const r = run(['xml', f]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim(), `${f}: /domain/devices/disk[1]/target/@dev: expected disk target, got 5`);
  writeFileSync(f, '{"domain": {');
  const r2 = run(['xml', f]);
  assert.equal(r2.code, 1);
  assert.match(r2.stderr, /invalid JSON/);
  writeFileSync(f, '{"nosuch": {}}');
  assert.match(run(['xml', f]).stderr, /one key naming the document kind/);
});

test('unsupported root, missing file: exit 1', () => {
  const dir = tmp();
  const f = join(dir, 'r.xml');
  writeFileSync(f, `<nosuch/>`);
  const r = run(['fmt', f]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /unsupported document <nosuch>/);
  const m = run(['fmt', join(dir, 'missing.xml')]);
  assert.equal(m.code, 1);
  assert.match(m.stderr, /missing\.xml: ENOENT/);
});

test('usage errors exit 2; --help exits 0 for every command', () => {
  assert.equal(run([]).code, 2);
  assert.equal(run(['frobnicate']).code, 2);
  assert.equal(run(['fmt']).code, 2);
  assert.equal(run(['fmt', '--bogus', 'x']).code, 2);
  assert.equal(run(['json', '--strict', 'x']).code, 2);
  for (const cmd of ['fmt', 'json', 'xml']) {
    const r = run([cmd, '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, new RegExp(`Usage: libvirt-xml ${cmd}`));
  }
  assert.match(run(['--help']).stdout, /Commands:/);
});

test('the installed binary runs the README command', { skip: !existsSync(join(root, 'dist/cli/main.js')) && 'not built (npm run build)' }, () => {
  const out = execFileSync(process.execPath, [join(root, 'bin/libvirt-xml.js'), 'fmt', example], { encoding: 'utf8' });
  assert.match(out, /<name>web-01<\/name>/);
  const bad = spawnSync(process.execPath, [join(root, 'bin/libvirt-xml.js'), 'fmt'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
});

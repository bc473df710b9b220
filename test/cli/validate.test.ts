/**
 * `libvirt-xml validate`: exit codes, the one-line-per-problem format, the JSON report, and
 * RelaxNG rejection of every corpus document that libvirt's schemas reject (judged by xmllint).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { problemLine } from '../../src/cli/validate-command.js';
import { SCHEMA_FILES } from '../../src/validate/relaxng.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const schemaDir = fileURLToPath(new URL('../../../shared/schemas/libvirt/', import.meta.url));
const example = join(root, 'examples/guest.xml');
const haveSchemas = existsSync(join(schemaDir, 'domain.rng'));
const inCi = process.env.CI === 'true';

async function run(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => stdin });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'libvirt-xml-validate-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const malformed = file('malformed.xml', `<domain type='kvm'>\n  <name>x</nam>\n</domain>\n`);
// Valid for our structural and semantic checks whatever they become: the bus is an enum value
// the schema rejects only because it is misspelt, so use it with --schema only.
const badBus = file(
  'bad-bus.xml',
  `<domain type='kvm'>
  <name>demo</name>
  <memory>1048576</memory>
  <os>
    <type>hvm</type>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <source file='/var/lib/libvirt/images/demo.qcow2'/>
      <target dev='vda' bus='virtoi'/>
    </disk>
  </devices>
</domain>
`,
);

/** `FILE:LINE:COL: [warning: ]PATH: message`, parts left out when a problem lacks them. */
const LINE = /^(?<file>[^:]+)(?::(?<line>\d+)(?::(?<col>\d+))?)?: (?<warning>warning: )?(?:(?<path>\/\S*): )?(?<message>.+)$/;

test('help, usage errors and the command list', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: libvirt-xml validate \[--schema\] \[--schemas DIR\] \[--json\] FILE\.\.\./);
  let mainHelp = '';
  assert.equal(await main(['--help'], { stdout: (s) => (mainHelp += s), stderr: () => {}, readStdin: () => '' }), 0);
  assert.match(mainHelp, /\n {2}validate {2}check documents/);
  for (const args of [[], ['--bogus', example], ['--schemas'], ['--json']]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^libvirt-xml validate: /);
    assert.equal(r.stdout, '');
  }
});

test('a valid document: exit 0 and no output', async () => {
  const r = await run([example]);
  assert.deepEqual(r, { code: 0, stdout: '', stderr: '' });
  const fromStdin = await run(['-'], `<secret ephemeral='no'/>`);
  assert.equal(fromStdin.code, 0, fromStdin.stdout);
});

test('malformed XML, an unreadable file and an unknown root: exit 1, one line each', async () => {
  const missingFile = join(dir, 'missing.xml');
  const toaster = file('toaster.xml', `<toaster/>`);
  const r = await run([malformed, missingFile, toaster, example]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 3, r.stdout);
  assert.match(lines[0], new RegExp(`^${malformed}:2:\\d+: mismatched end tag`));
  assert.match(lines[1], new RegExp(`^${missingFile}: cannot read: `));
  assert.match(lines[2], new RegExp(`^${toaster}: .*unsupported document <toaster>`));
});

test('--schema adds libxml2 problems with their line; a missing schema directory exits 2', { skip: !haveSchemas && 'no schemas' }, async () => {
  const r = await run(['--schemas', schemaDir, badBus]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  for (const line of lines) assert.match(line, LINE);
  // libxml2 names the element whose content failed: <devices>, line 7.
  assert.ok(lines.includes(`${badBus}:7: /domain/devices: Extra element devices in interleave; Element domain failed to validate content`), r.stdout);
  assert.equal((await run(['--schema', '--schemas', schemaDir, example])).code, 0);

  const gone = await run(['--schemas', join(dir, 'no-schemas'), example]);
  assert.equal(gone.code, 2);
  assert.equal(gone.stdout, '');
  assert.match(gone.stderr, /schema directory .*no-schemas not found; give the directory with --schemas DIR/);
});

test('--json: files, every problem field, summary counts', { skip: !haveSchemas && 'no schemas' }, async () => {
  const r = await run(['--json', '--schemas', schemaDir, example, malformed, badBus]);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(report), ['schemas', 'files', 'summary']);
  assert.equal(report.schemas, schemaDir);
  assert.deepEqual(
    report.files.map((f: { file: string; kind?: string; valid: boolean }) => [f.file, f.kind, f.valid]),
    [
      [example, 'domain', true],
      [malformed, undefined, false],
      [badBus, 'domain', false],
    ],
  );
  const problems = report.files.flatMap((f: { problems: Record<string, unknown>[] }) => f.problems);
  for (const p of problems) {
    assert.ok(['error', 'warning'].includes(p.severity as string));
    for (const key of ['rule', 'path', 'message']) assert.equal(typeof p[key], 'string', key);
  }
  assert.deepEqual(report.files[1].problems.map((p: { rule: string; line: number }) => [p.rule, p.line]), [['syntax', 2]]);
  assert.ok(report.files[2].problems.some((p: { rule: string; line: number }) => p.rule === 'relaxng' && p.line === 7));
  const count = (s: string) => problems.filter((p: { severity: string }) => p.severity === s).length;
  assert.deepEqual(report.summary, { files: 3, valid: 1, invalid: 2, errors: count('error'), warnings: count('warning') });
  assert.equal(r.stderr, '');
});

test('problem lines: warnings are marked, missing parts left out', () => {
  const base = { rule: 'x', path: '/domain/vcpu', message: 'too many' } as const;
  assert.equal(problemLine('a.xml', { ...base, severity: 'error', line: 3, column: 5 }), 'a.xml:3:5: /domain/vcpu: too many');
  assert.equal(problemLine('a.xml', { ...base, severity: 'warning', line: 3 }), 'a.xml:3: warning: /domain/vcpu: too many');
  assert.equal(problemLine('a.xml', { ...base, severity: 'error', path: '' }), 'a.xml: too many');
  for (const l of ['a.xml:3:5: /domain/vcpu: too many', 'a.xml:3: warning: /domain/vcpu: too many', 'a.xml: too many']) assert.match(l, LINE);
});

/** xmllint's verdict on each file (true: validates), all files of one schema in one run. */
function xmllintVerdicts(schema: string, files: string[]): Promise<Map<string, boolean> | 'missing'> {
  return new Promise((resolve) => {
    const child = spawn('xmllint', ['--noout', '--relaxng', schema, ...files], { cwd: corpusDir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', () => resolve('missing'));
    child.on('close', () => {
      const verdicts = new Map<string, boolean>();
      for (const line of stderr.split('\n')) {
        if (line.endsWith(' validates')) verdicts.set(line.slice(0, -' validates'.length), true);
        else if (line.endsWith(' fails to validate')) verdicts.set(line.slice(0, -' fails to validate'.length), false);
      }
      resolve(verdicts);
    });
  });
}

test('every corpus -invalid.xml document the schemas reject is rejected by validate --schema', async (t) => {
  if (!haveSchemas) {
    if (!inCi) return t.skip('no schemas');
    assert.fail(`no libvirt schemas at ${schemaDir}`);
  }
  const invalid = corpusFiles().filter((f) => f.name.endsWith('-invalid.xml') && Object.hasOwn(SCHEMA_FILES, f.root));
  const kinds = [...new Set(invalid.map((f) => f.root))];
  const verdicts = new Map<string, boolean>();
  for (const kind of kinds) {
    const v = await xmllintVerdicts(join(schemaDir, SCHEMA_FILES[kind]), invalid.filter((f) => f.root === kind).map((f) => f.name));
    if (v === 'missing') {
      if (!inCi) return t.skip('xmllint is not installed (Debian: apt-get install libxml2-utils)');
      assert.fail('xmllint is not installed (Debian: apt-get install libxml2-utils)');
    }
    for (const [name, ok] of v) verdicts.set(name, ok);
  }
  assert.ok(invalid.length > 0, 'the corpus has -invalid.xml documents');
  const rejected = invalid.filter((f) => verdicts.get(f.name) === false);
  assert.ok(rejected.length > 0);
  const r = await run(['--json', '--schemas', schemaDir, ...rejected.map((f) => join(corpusDir, f.name))]);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout) as { files: { file: string; valid: boolean; problems: { rule: string }[] }[] };
  const missed = report.files.filter((f) => f.valid || !f.problems.some((p) => p.rule === 'relaxng')).map((f) => f.file);
  assert.deepEqual(missed, []);

  // How many of them our own checks reject without the schemas (informational: they grow).
  const ours = await run(['--json', ...invalid.map((f) => join(corpusDir, f.name))]);
  const caught = (JSON.parse(ours.stdout) as { summary: { invalid: number } }).summary.invalid;
  t.diagnostic(`${invalid.length} -invalid documents, ${rejected.length} rejected by the schemas (all by validate --schema); our own checks alone reject ${caught}`);
});

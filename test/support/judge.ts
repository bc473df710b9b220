/**
 * libvirt's own tools as judges of our output: tool detection, a batched `xmllint --relaxng`
 * runner and a batched `virsh` runner over the in-process test driver (no daemon).
 *
 * Both runners start few processes: xmllint takes every file of one schema in one run, and
 * virsh takes many `;`-separated commands in one command-line argument. Each virsh command is
 * preceded by a marker (`echo` on stdout and `echo --err` on stderr), so that every command's
 * output and error messages are paired with it whatever virsh prints or leaves out.
 *
 * Paths are created at run time (a fresh temporary directory); none is written in this file.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILES } from '../../src/validate/relaxng.js';
import { localName, type XmlElement } from '../../src/xml/tree.js';

/** libvirt 11.3's RelaxNG schemas beside the project. */
export const schemaDir = fileURLToPath(new URL('../../../shared/schemas/libvirt/', import.meta.url));

/** The schema file for each document kind (root element), as the library's RelaxNG validator uses. */
export const SCHEMAS: Readonly<Record<string, string>> = SCHEMA_FILES;

export const inCi = process.env.CI === 'true';

/**
 * The `skip` option for a suite whose prerequisites are missing: locally the reason (the suite
 * is skipped), under CI `false` (the suite runs and fails on the same reason).
 */
export function skipUnlessCi(problems: string[]): string | false {
  return problems.length > 0 && !inCi ? problems.join('; ') : false;
}

function commandProblem(cmd: string, args: string[], debianPackages: string): string | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000, env: { ...process.env, LC_ALL: 'C' } });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    return `${cmd} is not installed (Debian: apt-get install ${debianPackages})`;
  }
  if (r.error) return `${cmd} could not be run: ${r.error.message} (Debian: ${debianPackages})`;
  if (r.status !== 0) return `${cmd} ${args.join(' ')} failed: ${(r.stderr || r.stdout).trim()} (Debian: ${debianPackages})`;
  return null;
}

/** Why xmllint cannot judge, or null when it can. */
export function xmllintProblem(): string | null {
  return commandProblem('xmllint', ['--version'], 'libxml2-utils');
}

/** Why virsh with the test driver cannot judge, or null when it can. */
export function virshProblem(): string | null {
  const p = commandProblem('virsh', ['--version'], 'libvirt-clients libvirt-daemon');
  if (p) return p;
  const r = spawnSync('virsh', ['-q', '-c', 'test:///default', 'echo', 'judge-ok'], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, LC_ALL: 'C' } });
  if (r.status !== 0 || !r.stdout.includes('judge-ok')) {
    return `virsh cannot open libvirt's test driver (test:///default): ${(r.stderr || r.stdout).trim() || `exit ${r.status}`} (Debian: apt-get install libvirt-clients libvirt-daemon)`;
  }
  return null;
}

/** Why the schemas are unavailable, or null. */
export function schemaProblem(): string | null {
  return existsSync(join(schemaDir, 'domain.rng')) ? null : `no libvirt schemas at ${schemaDir}`;
}

/** A fresh temporary directory; `remove()` deletes it unless JUDGE_KEEP=1 is set. */
export function workDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `libvirt-xml-${prefix}-`));
  const remove = () => {
    if (process.env.JUDGE_KEEP === '1') console.error(`JUDGE_KEEP=1: the files are kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  return { dir, remove };
}

interface Exit {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs a tool to its end, in the C locale (messages are parsed), killing it after `limitMs`. */
function run(cmd: string, args: string[], cwd?: string, limitMs = 120_000): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C', LANGUAGE: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} did not finish within ${limitMs / 1000} s`));
    }, limitMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code, signal });
    });
  });
}

/** Runs the jobs with at most `limit` at a time; results in job order. */
export async function inParallel<T>(jobs: (() => Promise<T>)[], limit = Math.max(1, availableParallelism())): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------
// xmllint

export interface SchemaVerdict {
  /** true: validates; false: fails to validate (or is not even read). */
  valid: boolean;
  /** xmllint's messages for this file (errors first), for reports. */
  messages: string[];
}

/**
 * Validates every file against one schema in a single xmllint run. xmllint validates the files
 * in order and ends each with a verdict line (`FILE validates` / `FILE fails to validate`) on
 * stderr; the messages before a verdict belong to that file. A file without a verdict line
 * (unreadable, not well-formed) counts as invalid.
 */
export async function xmllintValidate(schema: string, files: string[]): Promise<Map<string, SchemaVerdict>> {
  // Stay well below the system's limit on the size of a command line.
  let size = 0;
  const cut = files.findIndex((f) => (size += f.length + 1) > 500_000);
  if (cut > 0) {
    const first = await xmllintValidate(schema, files.slice(0, cut));
    for (const [f, v] of await xmllintValidate(schema, files.slice(cut))) first.set(f, v);
    return first;
  }
  const verdicts = new Map<string, SchemaVerdict>();
  if (files.length === 0) return verdicts;
  const r = await run('xmllint', ['--noout', '--nonet', '--relaxng', schema, ...files]);
  const known = new Set(files);
  let pending: string[] = [];
  for (const line of r.stderr.split('\n')) {
    const ok = line.endsWith(' validates') ? line.slice(0, -' validates'.length) : null;
    const bad = line.endsWith(' fails to validate') ? line.slice(0, -' fails to validate'.length) : null;
    const bad2 = line.endsWith(' validation generated an internal error') ? line.slice(0, -' validation generated an internal error'.length) : null;
    const file = ok ?? bad ?? bad2;
    if (file !== null && known.has(file)) {
      verdicts.set(file, { valid: ok !== null, messages: pending });
      pending = [];
    } else if (line.trim() !== '') {
      pending.push(line);
    }
  }
  if (r.code !== 0 && r.code !== 3 && r.code !== 1 && verdicts.size === 0) {
    throw new Error(`xmllint --relaxng ${schema} exited with ${r.code ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
  }
  for (const f of files) {
    if (!verdicts.has(f)) {
      const mine = r.stderr.split('\n').filter((l) => l.startsWith(`${f}:`));
      verdicts.set(f, { valid: false, messages: mine.length ? mine : ['no verdict from xmllint'] });
    }
  }
  return verdicts;
}

// ---------------------------------------------------------------------------------------------
// virsh

/** What one virsh command printed: its standard output, and its error lines without `error: `. */
export interface VirshResult {
  command: string;
  out: string;
  errors: string[];
  /** virsh died in this command (a crash of libvirt's parser); `errors` says how. */
  crashed?: boolean;
}

/** Quotes an argument for virsh's own command-string parser (shell-like quoting). */
export function virshQuote(arg: string): string {
  if (/^[A-Za-z0-9_.:\/@+=,][A-Za-z0-9_.:\/@+=,-]*$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * A new file holding `<node/>` in `dir`: `test://` + its absolute path is an empty test driver.
 * Each call writes its own file, so that batches running side by side never see one half written.
 */
export function emptyNode(dir: string): string {
  const path = join(dir, `node-${randomBytes(6).toString('hex')}.xml`);
  writeFileSync(path, '<node/>\n', { flag: 'wx' });
  return `test://${path}`;
}

/** The longest command string given to one virsh process (Linux limits one argument to 128 KiB). */
const MAX_SCRIPT = 100_000;

/** A virsh process that died before its last command: the index of the command it died in. */
interface Crash {
  diedIn: number;
  how: string;
  stderr: string;
}

/** Splits a stream at the markers `M0 .. Mn`; returns the pieces between consecutive markers found in order. */
function splitAtMarkers(text: string, nonce: string): { parts: string[]; last: number; tail: string } {
  const re = new RegExp(`(?:error: )?@judge-${nonce}-(\\d+)@\\n?`, 'g');
  const parts: string[] = [];
  let last = -1;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (Number(m[1]) !== last + 1) break;
    if (last >= 0) parts.push(text.slice(start, m.index));
    last = Number(m[1]);
    start = re.lastIndex;
  }
  return { parts, last, tail: text.slice(start) };
}

const errorLines = (text: string) =>
  text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.replace(/^error: /, ''));

/**
 * Runs one virsh process over a list of commands, in one `;`-separated command string
 * (`virsh -q -c URI 'echo M0; echo --err M0; CMD0; echo M1; ...'`), and splits both output
 * streams at the markers. When virsh dies on the way, returns where: standard error is not
 * buffered, so its last marker names the command virsh died in (standard output, buffered,
 * loses its last part and cannot be used).
 */
export async function virshScript(uri: string, cwd: string, commands: string[]): Promise<VirshResult[] | Crash> {
  const nonce = randomBytes(6).toString('hex');
  const mark = (i: number) => `@judge-${nonce}-${i}@`;
  const script = [...commands.map((c, i) => `echo ${mark(i)}; echo --err ${mark(i)}; ${c}`), `echo ${mark(commands.length)}; echo --err ${mark(commands.length)}`].join('; ');
  const r = await run('virsh', ['-q', '-c', uri, script], cwd);
  const out = splitAtMarkers(r.stdout, nonce);
  const err = splitAtMarkers(r.stderr, nonce);
  if (out.last === commands.length && err.last === commands.length) {
    return commands.map((command, i) => ({ command, out: out.parts[i], errors: errorLines(err.parts[i]) }));
  }
  if (err.last < 0 || err.last >= commands.length) {
    throw new Error(`virsh output could not be paired with its commands (exit ${r.code ?? r.signal}): ${r.stderr.slice(-2000)}`);
  }
  return { diedIn: err.last, how: r.signal ?? `exit ${r.code}`, stderr: err.tail };
}

export interface VirshBatch {
  /** Results of each unit's commands. */
  units: VirshResult[][];
  /** Results of the setup commands, once per process. */
  setup: VirshResult[][];
  /** virsh processes started. */
  processes: number;
  /** Units virsh died in (each cost one more process). */
  crashes: number;
}

/**
 * Runs units of commands (a unit is never split across processes) in as few virsh processes as
 * the command-line limit allows, each a fresh empty test driver that first runs `setup`.
 * Processes run in parallel, in `cwd` (relative file names in commands are read from there);
 * the driver's `node.xml` is written to `workDir`. When virsh dies in a unit, that unit's
 * results say so (the command it died in has `crashed` set, later ones were not run) and the
 * other units of the process run again without it; so a unit must leave the driver as it
 * found it.
 */
export async function virshBatch(workDir: string, cwd: string, setup: string[], units: string[][]): Promise<VirshBatch> {
  const uri = emptyNode(workDir);
  const chunks: number[][] = [];
  let current: number[] = [];
  let size = 0;
  const weight = (cmds: string[]) => cmds.reduce((n, c) => n + c.length + 80, 0);
  const base = weight(setup);
  units.forEach((u, i) => {
    const w = weight(u);
    if (current.length > 0 && base + size + w > MAX_SCRIPT) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(i);
    size += w;
  });
  if (current.length > 0) chunks.push(current);
  const out: VirshBatch = { units: new Array(units.length), setup: [], processes: 0, crashes: 0 };
  const runChunk = async (chunk: number[]) => {
    let pending = chunk;
    while (pending.length > 0) {
      out.processes++;
      const r = await virshScript(uri, cwd, [...setup, ...pending.flatMap((u) => units[u])]);
      if (Array.isArray(r)) {
        out.setup.push(r.slice(0, setup.length));
        let at = setup.length;
        for (const u of pending) {
          out.units[u] = r.slice(at, at + units[u].length);
          at += units[u].length;
        }
        return;
      }
      if (r.diedIn < setup.length) throw new Error(`virsh died (${r.how}) in setup command '${setup[r.diedIn]}': ${r.stderr}`);
      let at = setup.length;
      const k = pending.findIndex((u) => (at += units[u].length) > r.diedIn);
      const u = pending[k];
      const first = at - units[u].length;
      if (++out.crashes > 50) throw new Error(`virsh died ${out.crashes} times; giving up`);
      out.units[u] = units[u].map((command, i) =>
        first + i < r.diedIn
          ? { command, out: '', errors: ['output lost: virsh died later'] }
          : first + i === r.diedIn
            ? { command, out: '', errors: [...errorLines(r.stderr), `virsh died (${r.how})`], crashed: true }
            : { command, out: '', errors: ['not run: virsh died before'] },
      );
      pending = pending.filter((_, i) => i !== k);
    }
  };
  await inParallel(chunks.map((chunk) => () => runChunk(chunk)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Trees

/** The first child element named `name`, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  for (const c of el?.children ?? []) {
    if (typeof c === 'object' && 'name' in c && localName(c.name) === name) return c;
  }
  return undefined;
}

/** The text of the first child element named `name`, or undefined. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.children.map((n) => (typeof n === 'string' ? n : 'cdata' in n ? n.cdata : '')).join('');
}

/**
 * Replaces, in a tree libvirt wrote, the values libvirt invents when a document leaves them
 * out, so that two definitions of the same document compare equal: the top-level `<uuid>` when
 * the document has none, and MAC addresses the document does not contain (generated at random).
 */
export function maskGenerated(tree: XmlElement, originalText: string): XmlElement {
  const text = originalText.toLowerCase();
  const hasUuid = /<uuid[\s>]/.test(originalText);
  const walk = (el: XmlElement, depth: number): XmlElement => ({
    ...el,
    attrs: Object.fromEntries(
      Object.entries(el.attrs).map(([k, v]) =>
        localName(el.name) === 'mac' && k === 'address' && !text.includes(v.toLowerCase()) ? [k, '(generated)'] : [k, v],
      ),
    ),
    children:
      depth === 1 && localName(el.name) === 'uuid' && !hasUuid
        ? ['(generated)']
        : el.children.map((c) => (typeof c === 'object' && 'name' in c ? walk(c, depth + 1) : c)),
  });
  return walk(tree, 0);
}

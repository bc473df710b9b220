/**
 * The `libvirt-xml` command: a thin layer over the library. Exit codes:
 * 0 ok, 1 invalid input, 2 usage, 3 strict failure.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { LibvirtXmlError, ModelError, XmlSyntaxError } from '../errors.js';
import { format, fromJson, parse, toJson, type AnyDocument } from '../model/index.js';
import { commandFiles, readInput, UsageError, type Io } from './args.js';
import { schemaCommand, SCHEMA_HELP } from './schema-command.js';
import { runValidate, VALIDATE_HELP } from './validate-command.js';

export const EXIT = { ok: 0, invalid: 1, usage: 2, strict: 3 } as const;

const VERSION = '0.1.0';

const HELP: Record<string, string> = {
  main: `libvirt-xml: typed, lossless libvirt XML

Usage: libvirt-xml COMMAND [OPTIONS] FILE...

Commands:
  fmt       parse and print a document in libvirt's style
  json      print a document's typed object as JSON
  xml       format a JSON document (from 'json') back to XML
  validate  check documents (structure, libvirt's rules, optionally its RelaxNG schemas)
  schema    print the JSON Schema of a document kind's JSON form

Run 'libvirt-xml COMMAND --help' for a command's options.
The document kind is taken from the root element (XML) or the top-level key (JSON).
FILE may be '-' for standard input.

Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 strict check failed.`,
  fmt: `Usage: libvirt-xml fmt [--strict] [--out-dir DIR] FILE...

Parses each XML FILE and prints it formatted in libvirt's style (2-space indent,
single-quoted attributes). Nothing is lost: unknown elements and attributes are kept.

Options:
  --strict       report every node the model does not know, one line each
                 ('FILE: PATH unmodeled'), and exit 3 if there is any
  --out-dir DIR  write each result to DIR under the path given on the command line
                 instead of printing it
  -h, --help     show this help`,
  json: `Usage: libvirt-xml json [--out-dir DIR] FILE...

Parses each XML FILE and prints its typed object as JSON: { "<kind>": { ... } }.
What typed fields cannot hold rides along in "$xml" fields, so 'libvirt-xml xml'
gives the document back with nothing lost.

Options:
  --out-dir DIR  write DIR/<path given>.json instead of printing
  -h, --help     show this help`,
  xml: `Usage: libvirt-xml xml [--out-dir DIR] FILE.json...

Reads each JSON FILE (as printed by 'libvirt-xml json') and prints it as XML.
A value of the wrong type is reported with its path, e.g. /domain/vcpu/text().

Options:
  --out-dir DIR  write DIR/<path given>.xml instead of printing
  -h, --help     show this help`,
  validate: VALIDATE_HELP,
  schema: SCHEMA_HELP,
};

const defaultIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => readFileSync(0),
};

interface Options {
  strict: boolean;
  outDir?: string;
}

/** Where `file` goes under `outDir`: the same relative path, never outside the directory. */
function outputPath(outDir: string, file: string, ext?: string): string {
  let rel = normalize(isAbsolute(file) ? relative(process.cwd(), file) : file);
  const parts = rel.split(sep).filter((p) => p !== '..' && p !== '' && p !== '.');
  rel = parts.join(sep);
  if (ext) rel = rel.slice(0, rel.length - extname(rel).length) + ext;
  return join(outDir, rel);
}

/** Writes through a temporary file and a rename, so a failure never leaves half a file. */
function writeAtomic(path: string, data: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Line and column of a JSON.parse error, from the position its message gives. */
function jsonErrorWhere(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return '';
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${line}:${col}: `;
}

function describe(file: string, e: unknown): string {
  if (e instanceof XmlSyntaxError) return `${file}:${e.line}:${e.column}: ${e.reason}`;
  if (e instanceof ModelError) return `${file}: ${e.path ? `${e.path}: ` : ''}${e.reason}`;
  if (e instanceof LibvirtXmlError) return `${file}: ${e.message}`;
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') return `${file}: ${err.message}`;
  throw e;
}

type Command = 'fmt' | 'json' | 'xml';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function runFile(cmd: Command, file: string, o: Options, io: Io): { code: number; output?: string } {
  const input = readInput(file, io);
  if (cmd === 'xml') {
    let text: string;
    try {
      text = typeof input === 'string' ? input : utf8.decode(input);
    } catch {
      io.stderr(`${file}: invalid UTF-8\n`);
      return { code: EXIT.invalid };
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      io.stderr(`${file}: ${jsonErrorWhere(text, e as Error)}invalid JSON: ${(e as Error).message}\n`);
      return { code: EXIT.invalid };
    }
    const doc = fromJson(value);
    return { code: EXIT.ok, output: format(doc.kind, doc.doc as never) };
  }
  const problems: string[] = [];
  const doc: AnyDocument = parse(input, o.strict ? { report: (path, problem) => problems.push(`${file}: ${path} ${problem}`) } : {});
  if (problems.length > 0) {
    io.stderr(problems.join('\n') + '\n');
    return { code: EXIT.strict };
  }
  if (cmd === 'json') return { code: EXIT.ok, output: JSON.stringify(toJson(doc), null, 2) + '\n' };
  return { code: EXIT.ok, output: format(doc.kind, doc.doc as never) };
}

/** A number, or a promise of one for commands that load something on demand (validate). */
export function main(argv: string[], io: Io = defaultIo): number | Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === undefined || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    const topic = cmd === 'help' && rest[0] && HELP[rest[0]] ? rest[0] : 'main';
    (cmd === undefined ? io.stderr : io.stdout)(HELP[topic] + '\n');
    return cmd === undefined ? EXIT.usage : EXIT.ok;
  }
  if (cmd === '--version' || cmd === '-V') {
    io.stdout(VERSION + '\n');
    return EXIT.ok;
  }
  if (cmd === 'validate') return runValidate(rest, io);
  if (cmd === 'schema') return schemaCommand(rest, io);
  if (cmd !== 'fmt' && cmd !== 'json' && cmd !== 'xml') {
    io.stderr(`libvirt-xml: unknown command '${cmd}'\n\n${HELP.main}\n`);
    return EXIT.usage;
  }
  const o: Options = { strict: false };
  const files = commandFiles(
    cmd,
    HELP[cmd],
    rest,
    { flags: { '--strict': () => (o.strict = true) }, dirs: { '--out-dir': (dir) => (o.outDir = dir) } },
    io,
    () => {
      if (o.strict && cmd !== 'fmt') throw new UsageError('--strict applies to fmt only');
    },
  );
  if (typeof files === 'number') return files;
  let worst: number = EXIT.ok;
  const ext = cmd === 'json' ? '.json' : cmd === 'xml' ? '.xml' : undefined;
  for (const file of files) {
    let result: { code: number; output?: string };
    try {
      result = runFile(cmd, file, o, io);
      if (result.output !== undefined) {
        if (o.outDir) writeAtomic(outputPath(o.outDir, file, ext), result.output);
        else io.stdout(result.output);
      }
    } catch (e) {
      io.stderr(describe(file, e) + '\n');
      result = { code: EXIT.invalid };
    }
    // Invalid input outranks a strict failure: it is the more basic problem.
    if (result.code === EXIT.invalid || (result.code === EXIT.strict && worst === EXIT.ok)) worst = result.code;
  }
  return worst;
}

/**
 * `libvirt-xml validate`: the structural and semantic checks of src/validate, and on request
 * libvirt's RelaxNG schemas (loaded only then, since they need the WebAssembly libxml2).
 */
import { ModelError, XmlSyntaxError } from '../errors.js';
import { parse } from '../model/index.js';
import type { SourcePosition } from '../schema/codec.js';
import type { Problem } from '../schema/problem.js';
import { validate } from '../validate/index.js';
import { DEFAULT_SCHEMA_DIR, loadRelaxNG, RelaxNgSchemaError, type RelaxNgValidator } from '../validate/relaxng.js';
import { commandFiles, readInput, type Io } from './args.js';

export const VALIDATE_HELP = `Usage: libvirt-xml validate [--schema] [--schemas DIR] [--json] FILE...

Checks each XML FILE: its structure against the model (value types, enums, required
parts) and the rules libvirt applies when it defines the object (duplicate targets,
addresses ...). Prints one line per problem:

  FILE:LINE:COL: PATH: message            an error
  FILE:LINE:COL: warning: PATH: message   a warning (does not fail the file)

Options:
  --schema        also validate against libvirt's RelaxNG schemas, as virt-xml-validate
                  does (default directory ${DEFAULT_SCHEMA_DIR})
  --schemas DIR   take the schemas from DIR (implies --schema)
  --json          print one JSON report instead: files, their problems, summary counts
  -h, --help      show this help

Exit codes: 0 every file valid (warnings allowed), 1 a problem of severity error
or a file that cannot be read, 2 usage error or schemas not found.`;

export type ValidateIo = Io;

interface ValidateArgs {
  schemaDir?: string;
  json: boolean;
}

export interface FileReport {
  file: string;
  /** The document kind, when the file could be read as one. */
  kind?: string;
  valid: boolean;
  problems: Problem[];
}

/** Problems without a position go last; the sort is stable, so each checker's order is kept. */
function byPosition(a: Problem, b: Problem): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0);
}

function checkFile(file: string, io: ValidateIo, relaxng: RelaxNgValidator | undefined): FileReport {
  const report: FileReport = { file, valid: false, problems: [] };
  let input: string | Uint8Array;
  try {
    input = readInput(file, io);
  } catch (e) {
    report.problems.push({ severity: 'error', path: '', rule: 'read', message: `cannot read: ${(e as Error).message}` });
    return report;
  }
  const positions = new WeakMap<object, SourcePosition>();
  let problems: Problem[];
  try {
    const document = parse(input, { positions });
    report.kind = document.kind;
    problems = validate(document, { positions });
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      problems = [{ severity: 'error', path: '', rule: 'syntax', message: e.reason, line: e.line, column: e.column }];
    } else if (e instanceof ModelError) {
      problems = [{ severity: 'error', path: e.path, rule: 'document', message: e.reason }];
    } else throw e;
    report.problems = problems;
    return report;
  }
  // libxml2 reports what our own parser already accepted, so its syntax findings cannot repeat ours.
  if (relaxng) problems.push(...relaxng.validate(input));
  report.problems = problems.sort(byPosition);
  report.valid = !problems.some((p) => p.severity === 'error');
  return report;
}

/** Every field of a problem, in one order whichever checker made it. */
function jsonProblem(p: Problem): Problem {
  const { severity, rule, path, message, value, line, column } = p;
  return { severity, rule, path, message, value, line, column };
}

/** `FILE:LINE:COL: [warning: ]PATH: message`, leaving out the parts a problem does not have. */
export function problemLine(file: string, p: Problem): string {
  const where = [file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export async function runValidate(args: string[], io: ValidateIo): Promise<number> {
  const o: ValidateArgs = { json: false };
  const files = commandFiles(
    'validate',
    VALIDATE_HELP,
    args,
    {
      flags: { '--json': () => (o.json = true), '--schema': () => (o.schemaDir ??= DEFAULT_SCHEMA_DIR) },
      dirs: { '--schemas': (dir) => (o.schemaDir = dir) },
    },
    io,
  );
  if (typeof files === 'number') return files;
  let relaxng: RelaxNgValidator | undefined;
  if (o.schemaDir !== undefined) {
    try {
      relaxng = await loadRelaxNG({ schemas: o.schemaDir });
    } catch (e) {
      if (!(e instanceof RelaxNgSchemaError)) throw e;
      const hint = o.schemaDir === DEFAULT_SCHEMA_DIR ? ' (libvirt installs its schemas there)' : '';
      io.stderr(`libvirt-xml validate: ${e.message}${hint}; give the directory with --schemas DIR\n`);
      return 2;
    }
  }
  const reports: FileReport[] = [];
  try {
    for (const file of files) {
      const report = checkFile(file, io, relaxng);
      reports.push(report);
      if (!o.json) for (const p of report.problems) io.stdout(problemLine(file, p) + '\n');
    }
  } catch (e) {
    // A schema file missing from the directory, or one that does not compile: the
    // environment's fault, not the documents'.
    if (!(e instanceof RelaxNgSchemaError)) throw e;
    io.stderr(`libvirt-xml validate: ${e.message}\n`);
    return 2;
  } finally {
    relaxng?.dispose();
  }
  const count = (severity: Problem['severity']) => reports.reduce((n, r) => n + r.problems.filter((p) => p.severity === severity).length, 0);
  const invalid = reports.filter((r) => !r.valid).length;
  if (o.json) {
    const summary = { files: reports.length, valid: reports.length - invalid, invalid, errors: count('error'), warnings: count('warning') };
    const files = reports.map((r) => ({ file: r.file, kind: r.kind, valid: r.valid, problems: r.problems.map(jsonProblem) }));
    io.stdout(JSON.stringify({ schemas: o.schemaDir ?? null, files, summary }, null, 2) + '\n');
  }
  return invalid > 0 ? 1 : 0;
}

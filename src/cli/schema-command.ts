/**
 * `libvirt-xml schema KIND`: prints the JSON Schema of a document kind's JSON form.
 */
import { documents, isKind } from '../model/index.js';
import { jsonSchemaOf } from '../validate/structure.js';

export const SCHEMA_HELP = `Usage: libvirt-xml schema KIND

Prints the JSON Schema (draft 2020-12) of the JSON form of a document kind, as printed by
'libvirt-xml json': { "<kind>": { ... } }. Enumerations, ranges, patterns and required
fields are those libvirt accepts; "$xml" side fields are described too.

KIND is the root element name: ${Object.keys(documents).join(', ')}.

Options:
  -h, --help  show this help`;

/** Runs the command; returns the exit code (0 ok, 2 usage error). */
export function schemaCommand(args: string[], io: { stdout: (s: string) => void; stderr: (s: string) => void }): number {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout(SCHEMA_HELP + '\n');
    return 0;
  }
  const usage = (message: string) => {
    io.stderr(`libvirt-xml schema: ${message}\n\n${SCHEMA_HELP}\n`);
    return 2;
  };
  const option = args.find((a) => a.startsWith('-') && a !== '--');
  if (option) return usage(`unknown option '${option}'`);
  const kinds = args.filter((a) => a !== '--');
  if (kinds.length !== 1) return usage(kinds.length === 0 ? 'no KIND given' : 'exactly one KIND, please');
  const kind = kinds[0];
  if (!isKind(kind)) return usage(`unknown kind '${kind}' (kinds: ${Object.keys(documents).join(', ')})`);
  io.stdout(JSON.stringify(jsonSchemaOf(kind), null, 2) + '\n');
  return 0;
}

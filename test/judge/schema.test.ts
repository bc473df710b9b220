/**
 * Schema agreement: for every corpus document (every kind), libvirt's RelaxNG schema (run by
 * xmllint) gives the same verdict on our formatted output as on the input. A document the
 * schema accepts must stay acceptable after going through the library; one it rejects (the
 * corpus holds deliberately invalid documents) must not be "repaired" silently either.
 *
 * One xmllint process per schema validates inputs and outputs together.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { format, parse } from '../../src/model/index.js';
import { corpusDir, corpusFiles, type CorpusFile } from '../support/corpus.js';
import { inParallel, SCHEMAS, schemaDir, schemaProblem, skipUnlessCi, workDir, xmllintProblem, xmllintValidate, type SchemaVerdict } from '../support/judge.js';

const files = corpusFiles();
const problems = [xmllintProblem(), schemaProblem(), files.length === 0 ? `no corpus at ${corpusDir}` : null].filter((p): p is string => p !== null);
const skip = skipUnlessCi(problems);

interface Judged {
  file: CorpusFile;
  input: SchemaVerdict;
  /** Undefined when the library could not parse or format the document. */
  output?: SchemaVerdict;
  error?: string;
  /** Our output is the input byte for byte. */
  identical?: boolean;
}

let judging: Promise<Map<string, Judged[]>> | undefined;

/** Formats every corpus document and runs xmllint on inputs and outputs, once for all tests. */
function judged(): Promise<Map<string, Judged[]>> {
  judging ??= (async () => {
    if (problems.length) throw new Error(problems.join('; '));
    const work = workDir('schema');
    try {
      type Entry = { file: CorpusFile; input: string; output?: string; error?: string };
      const byKind = new Map<string, Entry[]>();
      files.forEach((file, i) => {
        // Our output is written only when it differs from the input byte for byte; otherwise
        // xmllint's verdict on it is the verdict on the input, and the file is validated once.
        const input = join(corpusDir, file.name);
        const entry: Entry = { file, input };
        try {
          const doc = parse(file.text);
          const out = format(doc.kind, doc.doc as never);
          if (out === file.text) entry.output = input;
          else {
            entry.output = join(work.dir, `out${i}.xml`);
            writeFileSync(entry.output, out);
          }
        } catch (e) {
          entry.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        }
        const list = byKind.get(file.root) ?? [];
        list.push(entry);
        byKind.set(file.root, list);
      });
      const kinds = [...byKind.keys()].filter((k) => SCHEMAS[k] !== undefined);
      // The biggest schema run first, so that the others fill the remaining cores.
      kinds.sort((a, b) => byKind.get(b)!.length - byKind.get(a)!.length);
      const verdicts = await inParallel(
        kinds.map((kind) => () => {
          const entries = byKind.get(kind)!;
          const paths = entries.flatMap((e) => (e.output && e.output !== e.input ? [e.input, e.output] : [e.input]));
          return xmllintValidate(join(schemaDir, SCHEMAS[kind]), paths);
        }),
      );
      const out = new Map<string, Judged[]>();
      kinds.forEach((kind, k) => {
        out.set(
          kind,
          byKind.get(kind)!.map((e) => ({
            file: e.file,
            input: verdicts[k].get(e.input)!,
            output: e.output ? verdicts[k].get(e.output) : undefined,
            identical: e.output === e.input,
            error: e.error,
          })),
        );
      });
      return out;
    } finally {
      work.remove();
    }
  })();
  return judging;
}

const verdict = (v: SchemaVerdict) => (v.valid ? 'validates' : 'fails to validate');

/** The first messages xmllint printed about a file, without the temporary file name. */
function why(v: SchemaVerdict): string {
  return v.messages
    .slice(0, 3)
    .map((m) => m.replace(/^\S*\.xml:(?=\d)/, 'line '))
    .join(' | ');
}

test('schema judge: xmllint, the schemas and the corpus are present', { skip }, () => {
  assert.deepEqual(problems, []);
  const unmapped = [...new Set(files.map((f) => f.root).filter((r) => SCHEMAS[r] === undefined))];
  assert.deepEqual(unmapped, [], 'every root element of the corpus has a schema');
});

for (const kind of Object.keys(SCHEMAS)) {
  test(`schema judge: ${kind}: xmllint (${SCHEMAS[kind]}) gives our output the verdict it gives the input`, { skip }, async (t) => {
    const results = (await judged()).get(kind) ?? [];
    const accepted = results.filter((r) => r.input.valid).length;
    const outAccepted = results.filter((r) => r.output?.valid).length;
    t.diagnostic(`${results.length} ${kind} documents: ${accepted} accepted, ${results.length - accepted} rejected by ${SCHEMAS[kind]}; our output: ${outAccepted} accepted (${results.filter((r) => r.identical).length} byte for byte the input)`);
    const disagreements: string[] = [];
    for (const r of results) {
      if (r.error || !r.output) {
        disagreements.push(`${r.file.name}: the library could not format it: ${r.error}`);
      } else if (r.output.valid !== r.input.valid) {
        disagreements.push(
          `${r.file.name}: input ${verdict(r.input)}, our output ${verdict(r.output)}: ${why(r.output.valid ? r.input : r.output)}`,
        );
      }
    }
    for (const d of disagreements.slice(0, 40)) t.diagnostic(d);
    assert.ok(results.length > 0, `no ${kind} documents in the corpus`);
    assert.deepEqual(disagreements, [], `${disagreements.length} disagreements in ${results.length} ${kind} documents`);
  });
}

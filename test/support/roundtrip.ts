/**
 * One corpus document through both round trips (XML -> XML, XML -> JSON -> XML), with the
 * strict report of unmodeled nodes. Shared by the corpus tests and the coverage report.
 */
import { format, fromJson, parse, toJson } from '../../src/model/index.js';
import { parseXml } from '../../src/xml/parser.js';
import { compareTrees } from './compare.js';

export interface RoundTripResult {
  /** `PATH problem` lines from the strict report. */
  unmodeled: string[];
  /** First semantic difference after XML -> XML, or null. */
  xmlDiff: string | null;
  /** First semantic difference after XML -> JSON -> XML, or null. */
  jsonDiff: string | null;
  /** An exception, if anything threw. */
  error?: string;
}

export function roundTrip(text: string): RoundTripResult {
  const unmodeled: string[] = [];
  try {
    const original = parseXml(text).root;
    const doc = parse(text, { report: (path, problem) => unmodeled.push(`${path} ${problem}`) });
    const out = format(doc.kind, doc.doc as never);
    const xmlDiff = compareTrees(original, parseXml(out).root);
    const viaJson = fromJson(JSON.parse(JSON.stringify(toJson(doc))));
    const out2 = format(viaJson.kind, viaJson.doc as never);
    const jsonDiff = compareTrees(original, parseXml(out2).root);
    return { unmodeled, xmlDiff, jsonDiff };
  } catch (e) {
    return { unmodeled, xmlDiff: null, jsonDiff: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

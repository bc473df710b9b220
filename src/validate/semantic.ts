// Placeholder: the semantic rules libvirt applies, by document kind.
import type { DocumentTypes, Kind } from '../model/index.js';
import type { Problem } from '../schema/problem.js';
import type { ValidateOptions } from './index.js';

/** A semantic check: one libvirt rule (or a family of closely related ones) over a typed document. */
export type Check<K extends Kind> = (doc: DocumentTypes[K], options: ValidateOptions) => Problem[];

export const semanticChecks: { [K in Kind]?: Check<K>[] } = {};

// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../schema/index.js';
import { defineDocument } from '../schema/document.js';

export const Secret = el('secret', {});
export type Secret = Infer<typeof Secret>;

export const secretDocument = defineDocument(Secret);

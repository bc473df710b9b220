// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const Pool = el('pool', {});
export type Pool = Infer<typeof Pool>;

export const poolDocument = defineDocument(Pool);

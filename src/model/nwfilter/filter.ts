// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const Filter = el('filter', {});
export type Filter = Infer<typeof Filter>;

export const filterDocument = defineDocument(Filter);

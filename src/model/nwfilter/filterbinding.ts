// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const FilterBinding = el('filterbinding', {});
export type FilterBinding = Infer<typeof FilterBinding>;

export const filterbindingDocument = defineDocument(FilterBinding);

// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const Volume = el('volume', {});
export type Volume = Infer<typeof Volume>;

export const volumeDocument = defineDocument(Volume);

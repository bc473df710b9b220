// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const NetworkPort = el('networkport', {});
export type NetworkPort = Infer<typeof NetworkPort>;

export const networkportDocument = defineDocument(NetworkPort);

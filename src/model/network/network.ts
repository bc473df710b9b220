// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const Network = el('network', {});
export type Network = Infer<typeof Network>;

export const networkDocument = defineDocument(Network);

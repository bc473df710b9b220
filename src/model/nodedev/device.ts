// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const NodeDevice = el('device', {});
export type NodeDevice = Infer<typeof NodeDevice>;

export const deviceDocument = defineDocument(NodeDevice);

// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const HostInterface = el('interface', {});
export type HostInterface = Infer<typeof HostInterface>;

export const interfaceDocument = defineDocument(HostInterface);

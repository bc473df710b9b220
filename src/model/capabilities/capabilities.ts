// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const Capabilities = el('capabilities', {});
export type Capabilities = Infer<typeof Capabilities>;

export const capabilitiesDocument = defineDocument(Capabilities);

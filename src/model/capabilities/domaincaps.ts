// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const DomainCapabilities = el('domainCapabilities', {});
export type DomainCapabilities = Infer<typeof DomainCapabilities>;

export const domainCapabilitiesDocument = defineDocument(DomainCapabilities);

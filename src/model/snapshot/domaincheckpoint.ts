// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const DomainCheckpoint = el('domaincheckpoint', {});
export type DomainCheckpoint = Infer<typeof DomainCheckpoint>;

export const domaincheckpointDocument = defineDocument(DomainCheckpoint);

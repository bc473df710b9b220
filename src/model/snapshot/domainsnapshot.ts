// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const DomainSnapshot = el('domainsnapshot', {});
export type DomainSnapshot = Infer<typeof DomainSnapshot>;

export const domainsnapshotDocument = defineDocument(DomainSnapshot);

// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const DomainBackup = el('domainbackup', {});
export type DomainBackup = Infer<typeof DomainBackup>;

export const domainbackupDocument = defineDocument(DomainBackup);

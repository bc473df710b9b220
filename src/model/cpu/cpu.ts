// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const CpuDocument = el('cpu', {});
export type CpuDocument = Infer<typeof CpuDocument>;

export const cpuDocument = defineDocument(CpuDocument);

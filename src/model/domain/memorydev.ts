// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const MemoryDevice = el('memory', {});
export type MemoryDevice = Infer<typeof MemoryDevice>;

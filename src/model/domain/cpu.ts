// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Cpu = el('cpu', {});
export type Cpu = Infer<typeof Cpu>;

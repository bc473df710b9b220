// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Clock = el('clock', {});
export type Clock = Infer<typeof Clock>;

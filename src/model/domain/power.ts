// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Pm = el('pm', {});
export type Pm = Infer<typeof Pm>;

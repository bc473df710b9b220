// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Memballoon = el('memballoon', {});
export type Memballoon = Infer<typeof Memballoon>;

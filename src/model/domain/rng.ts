// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Rng = el('rng', {});
export type Rng = Infer<typeof Rng>;

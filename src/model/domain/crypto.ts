// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Crypto = el('crypto', {});
export type Crypto = Infer<typeof Crypto>;

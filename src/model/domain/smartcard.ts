// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Smartcard = el('smartcard', {});
export type Smartcard = Infer<typeof Smartcard>;

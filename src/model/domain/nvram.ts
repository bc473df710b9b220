// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Nvram = el('nvram', {});
export type Nvram = Infer<typeof Nvram>;

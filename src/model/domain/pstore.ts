// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Pstore = el('pstore', {});
export type Pstore = Infer<typeof Pstore>;

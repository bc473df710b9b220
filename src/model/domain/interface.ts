// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Interface = el('interface', {});
export type Interface = Infer<typeof Interface>;

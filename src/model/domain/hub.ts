// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Hub = el('hub', {});
export type Hub = Infer<typeof Hub>;

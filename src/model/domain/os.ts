// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Os = el('os', {});
export type Os = Infer<typeof Os>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Panic = el('panic', {});
export type Panic = Infer<typeof Panic>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Lease = el('lease', {});
export type Lease = Infer<typeof Lease>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Disk = el('disk', {});
export type Disk = Infer<typeof Disk>;

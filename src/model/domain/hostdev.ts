// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Hostdev = el('hostdev', {});
export type Hostdev = Infer<typeof Hostdev>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Idmap = el('idmap', {});
export type Idmap = Infer<typeof Idmap>;

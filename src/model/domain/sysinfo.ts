// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Sysinfo = el('sysinfo', {});
export type Sysinfo = Infer<typeof Sysinfo>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Perf = el('perf', {});
export type Perf = Infer<typeof Perf>;

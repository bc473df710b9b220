// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Watchdog = el('watchdog', {});
export type Watchdog = Infer<typeof Watchdog>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Redirdev = el('redirdev', {});
export type Redirdev = Infer<typeof Redirdev>;

export const Redirfilter = el('redirfilter', {});
export type Redirfilter = Infer<typeof Redirfilter>;

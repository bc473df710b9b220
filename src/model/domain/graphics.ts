// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Graphics = el('graphics', {});
export type Graphics = Infer<typeof Graphics>;

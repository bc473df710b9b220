// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Sound = el('sound', {});
export type Sound = Infer<typeof Sound>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Features = el('features', {});
export type Features = Infer<typeof Features>;

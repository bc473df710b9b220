// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Resource = el('resource', {});
export type Resource = Infer<typeof Resource>;

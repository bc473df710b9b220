// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Controller = el('controller', {});
export type Controller = Infer<typeof Controller>;

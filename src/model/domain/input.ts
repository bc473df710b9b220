// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Input = el('input', {});
export type Input = Infer<typeof Input>;

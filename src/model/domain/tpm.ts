// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Tpm = el('tpm', {});
export type Tpm = Infer<typeof Tpm>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Vsock = el('vsock', {});
export type Vsock = Infer<typeof Vsock>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Filesystem = el('filesystem', {});
export type Filesystem = Infer<typeof Filesystem>;

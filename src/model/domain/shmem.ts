// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Shmem = el('shmem', {});
export type Shmem = Infer<typeof Shmem>;

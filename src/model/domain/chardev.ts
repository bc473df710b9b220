// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Serial = el('serial', {});
export type Serial = Infer<typeof Serial>;

export const Parallel = el('parallel', {});
export type Parallel = Infer<typeof Parallel>;

export const Console = el('console', {});
export type Console = Infer<typeof Console>;

export const Channel = el('channel', {});
export type Channel = Infer<typeof Channel>;

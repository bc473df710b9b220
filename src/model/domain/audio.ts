// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Audio = el('audio', {});
export type Audio = Infer<typeof Audio>;

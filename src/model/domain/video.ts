// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Video = el('video', {});
export type Video = Infer<typeof Video>;

/**
 * `<pm>`: which guest sleep states are allowed (formatdomain.rst "Power Management").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';

/** `<suspend-to-mem enabled='no'/>`: S3 (suspend to RAM). */
export const SuspendToMem = el('suspend-to-mem', { enabled: attr(t.yesNo) });
export type SuspendToMem = Infer<typeof SuspendToMem>;

/** `<suspend-to-disk enabled='no'/>`: S4 (hibernation). */
export const SuspendToDisk = el('suspend-to-disk', { enabled: attr(t.yesNo) });
export type SuspendToDisk = Infer<typeof SuspendToDisk>;

/** `<pm>` (formatdomain.rst "Power Management"). */
export const Pm = el('pm', {
  suspendToMem: child(SuspendToMem),
  suspendToDisk: child(SuspendToDisk),
});
export type Pm = Infer<typeof Pm>;

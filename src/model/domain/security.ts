// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Seclabel = el('seclabel', {});
export type Seclabel = Infer<typeof Seclabel>;

export const Keywrap = el('keywrap', {});
export type Keywrap = Infer<typeof Keywrap>;

export const LaunchSecurity = el('launchSecurity', {});
export type LaunchSecurity = Infer<typeof LaunchSecurity>;

// Placeholder: to be completed from domaincommon.rng and formatdomain.rst.
import { el, type Infer } from '../../schema/index.js';

export const Vcpu = el('vcpu', {});
export type Vcpu = Infer<typeof Vcpu>;

export const Vcpus = el('vcpus', {});
export type Vcpus = Infer<typeof Vcpus>;

export const Iothreadids = el('iothreadids', {});
export type Iothreadids = Infer<typeof Iothreadids>;

export const Defaultiothread = el('defaultiothread', {});
export type Defaultiothread = Infer<typeof Defaultiothread>;

export const Cputune = el('cputune', {});
export type Cputune = Infer<typeof Cputune>;

export const Numatune = el('numatune', {});
export type Numatune = Infer<typeof Numatune>;

export const Blkiotune = el('blkiotune', {});
export type Blkiotune = Infer<typeof Blkiotune>;

export const Throttlegroups = el('throttlegroups', {});
export type Throttlegroups = Infer<typeof Throttlegroups>;

/**
 * `<nvram>` device: the NVRAM of pSeries guests (formatdomain.rst "NVRAM device"), not the
 * firmware variable store `<os><nvram>`.
 */
import { child, el, type Infer } from '../../schema/index.js';
import { Address, Alias } from './address.js';

/** `<nvram>` inside `<devices>` (formatdomain.rst "NVRAM device"); its address is a spapr-vio `reg`. */
export const Nvram = el('nvram', {
  alias: child(Alias),
  address: child(Address),
});
export type Nvram = Infer<typeof Nvram>;

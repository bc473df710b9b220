/**
 * `<sysinfo>`: system information shown to the guest, as SMBIOS tables or firmware
 * configuration entries (formatdomain.rst "SMBIOS System Information").
 */
import { attr, child, el, leaves, many, t, text, variants, type Infer } from '../../schema/index.js';

/** `<entry name='vendor'>LENOVO</entry>` of the SMBIOS block 0 (BIOS). */
export const SysinfoBiosEntry = el('entry', {
  name: attr(t.enum('vendor', 'version', 'date', 'release')),
  value: text(t.string),
});
export type SysinfoBiosEntry = Infer<typeof SysinfoBiosEntry>;

/** `<entry name='manufacturer'>...</entry>` of the SMBIOS block 1 (system). */
export const SysinfoSystemEntry = el('entry', {
  name: attr(t.enum('manufacturer', 'product', 'version', 'serial', 'uuid', 'sku', 'family')),
  value: text(t.string),
});
export type SysinfoSystemEntry = Infer<typeof SysinfoSystemEntry>;

/** `<entry name='asset'>...</entry>` of an SMBIOS block 2 (base board). */
export const SysinfoBaseBoardEntry = el('entry', {
  name: attr(t.enum('manufacturer', 'product', 'version', 'serial', 'asset', 'location')),
  value: text(t.string),
});
export type SysinfoBaseBoardEntry = Infer<typeof SysinfoBaseBoardEntry>;

/** `<entry name='sku'>...</entry>` of the SMBIOS block 3 (chassis). */
export const SysinfoChassisEntry = el('entry', {
  name: attr(t.enum('manufacturer', 'version', 'serial', 'asset', 'sku')),
  value: text(t.string),
});
export type SysinfoChassisEntry = Infer<typeof SysinfoChassisEntry>;

/** `<bios>`: SMBIOS block 0. */
export const SysinfoBios = el('bios', { entry: many(SysinfoBiosEntry) });
export type SysinfoBios = Infer<typeof SysinfoBios>;

/** `<system>`: SMBIOS block 1. */
export const SysinfoSystem = el('system', { entry: many(SysinfoSystemEntry) });
export type SysinfoSystem = Infer<typeof SysinfoSystem>;

/** `<baseBoard>`: an SMBIOS block 2 (repeatable). */
export const SysinfoBaseBoard = el('baseBoard', { entry: many(SysinfoBaseBoardEntry) });
export type SysinfoBaseBoard = Infer<typeof SysinfoBaseBoard>;

/** `<chassis>`: SMBIOS block 3. */
export const SysinfoChassis = el('chassis', { entry: many(SysinfoChassisEntry) });
export type SysinfoChassis = Infer<typeof SysinfoChassis>;

/** `<oemStrings>`: SMBIOS block 11, free-form strings, each an `<entry>`. */
export const SysinfoOemStrings = el('oemStrings', { entry: leaves(t.string) });
export type SysinfoOemStrings = Infer<typeof SysinfoOemStrings>;

/** `<entry name='opt/com.example/x' file='/path'/>` or with text: one firmware configuration item. */
export const FwcfgEntry = el('entry', {
  /** Key, usually `opt/<domain>/<name>`. */
  name: attr(t.string),
  /** Host file whose content is the value. */
  file: attr(t.string),
  value: text(t.string),
});
export type FwcfgEntry = Infer<typeof FwcfgEntry>;

/** `<sysinfo type='smbios'>` or `<sysinfo type='fwcfg'>` (formatdomain.rst "SMBIOS System Information"). */
export const Sysinfo = el(
  'sysinfo',
  {
    type: attr(t.enum('smbios', 'fwcfg')),
  },
  variants('type', {
    smbios: {
      bios: child(SysinfoBios),
      system: child(SysinfoSystem),
      baseBoard: many(SysinfoBaseBoard),
      chassis: child(SysinfoChassis),
      oemStrings: child(SysinfoOemStrings),
    },
    fwcfg: {
      entry: many(FwcfgEntry),
    },
  }),
);
export type Sysinfo = Infer<typeof Sysinfo>;

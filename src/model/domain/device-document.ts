/**
 * A single device as its own document, as `virsh attach-device` and `detach-device` take it
 * (`<disk>...</disk>`, `<interface>...</interface>`): the root element names the device kind.
 */
import { ModelError } from '../../errors.js';
import { decodeElement, encodeElement } from '../../schema/codec.js';
import type { ChildField, ElDef } from '../../schema/define.js';
import type { ParseOptions } from '../../schema/document.js';
import { parseXml } from '../../xml/parser.js';
import { Devices, type Devices as DevicesType } from './devices.js';

type Item<T> = T extends readonly (infer U)[] ? U : T;

/** Device kinds by element name: `disk`, `interface`, `hostdev` ... */
export type DeviceKind = Exclude<keyof DevicesType, '$xml' | 'emulator'>;

export type DomainDevice = { [K in DeviceKind]: { kind: K; device: Item<NonNullable<DevicesType[K]>> } }[DeviceKind];

function deviceDef(kind: string): ElDef | undefined {
  if (kind === 'emulator' || !Object.prototype.hasOwnProperty.call(Devices.fields, kind)) return undefined;
  const field = Devices.fields[kind] as ChildField;
  return typeof field.def === 'function' ? field.def() : field.def;
}

/** Parses a device document; the root element decides the kind. */
export function parseDomainDevice(input: string | Uint8Array, options: ParseOptions = {}): DomainDevice {
  const doc = parseXml(input, options);
  const root = doc.root;
  const def = root.uri === undefined ? deviceDef(root.name) : undefined;
  if (!def) throw new ModelError(`<${root.name}> is not a domain device`);
  return { kind: root.name, device: decodeElement(root, def, { report: options.report }, `/${root.name}`) } as DomainDevice;
}

/** Formats a device document. */
export function formatDomainDevice(device: DomainDevice): string {
  const def = deviceDef(device.kind);
  if (!def) throw new ModelError(`'${String(device.kind)}' is not a domain device kind`);
  return encodeElement(device.device, def, '', `/${def.name}`);
}

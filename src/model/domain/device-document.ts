/**
 * A single device as its own document, as `virsh attach-device` and `detach-device` take it
 * (`<disk>...</disk>`, `<interface>...</interface>`): the root element names the device kind.
 */
import { ModelError } from '../../errors.js';
import type { ChildField } from '../../schema/define.js';
import { decodeDocument, defineDocument, formatDocument, xmlOptions, type DocumentDef, type ParseOptions } from '../../schema/document.js';
import { parseXml } from '../../xml/parser.js';
import { Devices, type Devices as DevicesType } from './devices.js';

type Item<T> = T extends readonly (infer U)[] ? U : T;

/** Device kinds by element name: `disk`, `interface`, `hostdev` ... */
export type DeviceKind = Exclude<keyof DevicesType, '$xml' | 'emulator'>;

export type DomainDevice = { [K in DeviceKind]: { kind: K; device: Item<NonNullable<DevicesType[K]>> } }[DeviceKind];

/** The device's definition as a document of its own, made once per kind. */
const deviceDocuments = new Map<string, DocumentDef>();

function deviceDocument(kind: string): DocumentDef | undefined {
  if (kind === 'emulator' || !Object.prototype.hasOwnProperty.call(Devices.fields, kind)) return undefined;
  let doc = deviceDocuments.get(kind);
  if (!doc) {
    const field = Devices.fields[kind] as ChildField;
    doc = defineDocument(typeof field.def === 'function' ? field.def() : field.def);
    deviceDocuments.set(kind, doc);
  }
  return doc;
}

/**
 * Parses a device document; the root element decides the kind. Goes the way of every other
 * document, so positions, the strict report and comments around the root work the same.
 */
export function parseDomainDevice(input: string | Uint8Array, options: ParseOptions = {}): DomainDevice {
  const { xml, elementPositions } = xmlOptions(options);
  const parsed = parseXml(input, xml);
  const root = parsed.root;
  const doc = root.uri === undefined ? deviceDocument(root.name) : undefined;
  if (!doc) throw new ModelError(`<${root.name}> is not a domain device`);
  return { kind: root.name, device: decodeDocument(doc, parsed, options, elementPositions) } as DomainDevice;
}

/** Formats a device document. */
export function formatDomainDevice(device: DomainDevice): string {
  const doc = deviceDocument(device.kind);
  if (!doc) throw new ModelError(`'${String(device.kind)}' is not a domain device kind`);
  return formatDocument(doc, device.device);
}

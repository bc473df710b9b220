/**
 * libvirt-xml: a typed, lossless model of libvirt's XML documents.
 *
 *   import { parseDomain, formatDomain } from 'libvirt-xml';
 *   const dom = parseDomain(xml);
 *   dom.memory = { value: 4, unit: 'GiB' };
 *   const out = formatDomain(dom);
 *
 * Every document kind has its own pair (`parseNetwork` / `formatNetwork` ...); `parse` and
 * `format` handle any kind, choosing it from the root element.
 */
import { formatDocument, parseDocument, type ParseOptions } from './schema/document.js';
import { domainDocument, type Domain } from './model/domain/domain.js';
import { domainsnapshotDocument, type DomainSnapshot } from './model/snapshot/domainsnapshot.js';
import { domaincheckpointDocument, type DomainCheckpoint } from './model/snapshot/domaincheckpoint.js';
import { domainbackupDocument, type DomainBackup } from './model/snapshot/domainbackup.js';
import { filterDocument, type Filter } from './model/nwfilter/filter.js';
import { filterbindingDocument, type FilterBinding } from './model/nwfilter/filterbinding.js';
import { networkDocument, type Network } from './model/network/network.js';
import { networkportDocument, type NetworkPort } from './model/network/networkport.js';
import { poolDocument, type Pool } from './model/storage/pool.js';
import { volumeDocument, type Volume } from './model/storage/volume.js';
import { storagepoolCapabilitiesDocument, type StoragePoolCapabilities } from './model/storage/poolcaps.js';
import { secretDocument, type Secret } from './model/secret.js';
import { capabilitiesDocument, type Capabilities } from './model/capabilities/capabilities.js';
import { domainCapabilitiesDocument, type DomainCapabilities } from './model/capabilities/domaincaps.js';
import { deviceDocument, type NodeDevice } from './model/nodedev/device.js';
import { interfaceDocument, type HostInterface } from './model/iface/interface.js';
import { cpuDocument, type CpuDocument } from './model/cpu/cpu.js';

export { LibvirtXmlError, XmlSyntaxError, ModelError } from './errors.js';
export { parse, format, toJson, fromJson, documents, isKind, type Kind, type DocumentTypes, type AnyDocument } from './model/index.js';
export type { ParseOptions } from './schema/document.js';
export type { XmlSide } from './schema/define.js';
export * from './model/domain/index.js';
export * as xml from './xml/index.js';
export * as schema from './schema/index.js';
export { validate, type ValidateOptions, type Problem, type Severity } from './validate/index.js';
export { loadRelaxNG, validateRelaxNG } from './validate/relaxng.js';
export { jsonSchemaOf as jsonSchema } from './validate/structure.js';
export type { JsonSchema } from './schema/jsonschema.js';
export { parseDomainDevice, formatDomainDevice, type DomainDevice, type DeviceKind } from './model/domain/device-document.js';

export type { DomainSnapshot } from './model/snapshot/domainsnapshot.js';
export type { DomainCheckpoint } from './model/snapshot/domaincheckpoint.js';
export type { DomainBackup } from './model/snapshot/domainbackup.js';
export type { Filter } from './model/nwfilter/filter.js';
export type { FilterBinding } from './model/nwfilter/filterbinding.js';
export type { Network } from './model/network/network.js';
export type { NetworkPort } from './model/network/networkport.js';
export type { Pool } from './model/storage/pool.js';
export type { Volume } from './model/storage/volume.js';
export type { StoragePoolCapabilities } from './model/storage/poolcaps.js';
export type { Secret } from './model/secret.js';
export type { Capabilities } from './model/capabilities/capabilities.js';
export type { DomainCapabilities } from './model/capabilities/domaincaps.js';
export type { NodeDevice } from './model/nodedev/device.js';
export type { HostInterface } from './model/iface/interface.js';
export type { CpuDocument } from './model/cpu/cpu.js';

/** Parses a `<domain>` document. */
export function parseDomain(input: string | Uint8Array, options?: ParseOptions): Domain {
  return parseDocument(domainDocument, input, options);
}

/** Formats a `<domain>` document in libvirt's style. */
export function formatDomain(doc: Domain): string {
  return formatDocument(domainDocument, doc);
}

/** Parses a `<domainsnapshot>` document. */
export function parseDomainSnapshot(input: string | Uint8Array, options?: ParseOptions): DomainSnapshot {
  return parseDocument(domainsnapshotDocument, input, options);
}

/** Formats a `<domainsnapshot>` document in libvirt's style. */
export function formatDomainSnapshot(doc: DomainSnapshot): string {
  return formatDocument(domainsnapshotDocument, doc);
}

/** Parses a `<domaincheckpoint>` document. */
export function parseDomainCheckpoint(input: string | Uint8Array, options?: ParseOptions): DomainCheckpoint {
  return parseDocument(domaincheckpointDocument, input, options);
}

/** Formats a `<domaincheckpoint>` document in libvirt's style. */
export function formatDomainCheckpoint(doc: DomainCheckpoint): string {
  return formatDocument(domaincheckpointDocument, doc);
}

/** Parses a `<domainbackup>` document. */
export function parseDomainBackup(input: string | Uint8Array, options?: ParseOptions): DomainBackup {
  return parseDocument(domainbackupDocument, input, options);
}

/** Formats a `<domainbackup>` document in libvirt's style. */
export function formatDomainBackup(doc: DomainBackup): string {
  return formatDocument(domainbackupDocument, doc);
}

/** Parses a `<filter>` document. */
export function parseFilter(input: string | Uint8Array, options?: ParseOptions): Filter {
  return parseDocument(filterDocument, input, options);
}

/** Formats a `<filter>` document in libvirt's style. */
export function formatFilter(doc: Filter): string {
  return formatDocument(filterDocument, doc);
}

/** Parses a `<filterbinding>` document. */
export function parseFilterBinding(input: string | Uint8Array, options?: ParseOptions): FilterBinding {
  return parseDocument(filterbindingDocument, input, options);
}

/** Formats a `<filterbinding>` document in libvirt's style. */
export function formatFilterBinding(doc: FilterBinding): string {
  return formatDocument(filterbindingDocument, doc);
}

/** Parses a `<network>` document. */
export function parseNetwork(input: string | Uint8Array, options?: ParseOptions): Network {
  return parseDocument(networkDocument, input, options);
}

/** Formats a `<network>` document in libvirt's style. */
export function formatNetwork(doc: Network): string {
  return formatDocument(networkDocument, doc);
}

/** Parses a `<networkport>` document. */
export function parseNetworkPort(input: string | Uint8Array, options?: ParseOptions): NetworkPort {
  return parseDocument(networkportDocument, input, options);
}

/** Formats a `<networkport>` document in libvirt's style. */
export function formatNetworkPort(doc: NetworkPort): string {
  return formatDocument(networkportDocument, doc);
}

/** Parses a `<pool>` document. */
export function parsePool(input: string | Uint8Array, options?: ParseOptions): Pool {
  return parseDocument(poolDocument, input, options);
}

/** Formats a `<pool>` document in libvirt's style. */
export function formatPool(doc: Pool): string {
  return formatDocument(poolDocument, doc);
}

/** Parses a `<volume>` document. */
export function parseVolume(input: string | Uint8Array, options?: ParseOptions): Volume {
  return parseDocument(volumeDocument, input, options);
}

/** Formats a `<volume>` document in libvirt's style. */
export function formatVolume(doc: Volume): string {
  return formatDocument(volumeDocument, doc);
}

/** Parses a `<storagepoolCapabilities>` document. */
export function parseStoragePoolCapabilities(input: string | Uint8Array, options?: ParseOptions): StoragePoolCapabilities {
  return parseDocument(storagepoolCapabilitiesDocument, input, options);
}

/** Formats a `<storagepoolCapabilities>` document in libvirt's style. */
export function formatStoragePoolCapabilities(doc: StoragePoolCapabilities): string {
  return formatDocument(storagepoolCapabilitiesDocument, doc);
}

/** Parses a `<secret>` document. */
export function parseSecret(input: string | Uint8Array, options?: ParseOptions): Secret {
  return parseDocument(secretDocument, input, options);
}

/** Formats a `<secret>` document in libvirt's style. */
export function formatSecret(doc: Secret): string {
  return formatDocument(secretDocument, doc);
}

/** Parses a `<capabilities>` document. */
export function parseCapabilities(input: string | Uint8Array, options?: ParseOptions): Capabilities {
  return parseDocument(capabilitiesDocument, input, options);
}

/** Formats a `<capabilities>` document in libvirt's style. */
export function formatCapabilities(doc: Capabilities): string {
  return formatDocument(capabilitiesDocument, doc);
}

/** Parses a `<domainCapabilities>` document. */
export function parseDomainCapabilities(input: string | Uint8Array, options?: ParseOptions): DomainCapabilities {
  return parseDocument(domainCapabilitiesDocument, input, options);
}

/** Formats a `<domainCapabilities>` document in libvirt's style. */
export function formatDomainCapabilities(doc: DomainCapabilities): string {
  return formatDocument(domainCapabilitiesDocument, doc);
}

/** Parses a `<device>` document. */
export function parseNodeDevice(input: string | Uint8Array, options?: ParseOptions): NodeDevice {
  return parseDocument(deviceDocument, input, options);
}

/** Formats a `<device>` document in libvirt's style. */
export function formatNodeDevice(doc: NodeDevice): string {
  return formatDocument(deviceDocument, doc);
}

/** Parses a `<interface>` document. */
export function parseHostInterface(input: string | Uint8Array, options?: ParseOptions): HostInterface {
  return parseDocument(interfaceDocument, input, options);
}

/** Formats a `<interface>` document in libvirt's style. */
export function formatHostInterface(doc: HostInterface): string {
  return formatDocument(interfaceDocument, doc);
}

/** Parses a `<cpu>` document. */
export function parseCpu(input: string | Uint8Array, options?: ParseOptions): CpuDocument {
  return parseDocument(cpuDocument, input, options);
}

/** Formats a `<cpu>` document in libvirt's style. */
export function formatCpu(doc: CpuDocument): string {
  return formatDocument(cpuDocument, doc);
}

/**
 * The document kinds, and kind-independent parse, format and JSON functions that pick the
 * kind from the root element (XML) or the single top-level key (JSON).
 */
import { ModelError } from '../errors.js';
import { decodeDocument, formatDocument, xmlOptions, type DocumentDef, type ParseOptions } from '../schema/document.js';
import { parseXml } from '../xml/parser.js';
import { localName } from '../xml/tree.js';
import { domainDocument, type Domain } from './domain/domain.js';
import { domainsnapshotDocument, type DomainSnapshot } from './snapshot/domainsnapshot.js';
import { domaincheckpointDocument, type DomainCheckpoint } from './snapshot/domaincheckpoint.js';
import { domainbackupDocument, type DomainBackup } from './snapshot/domainbackup.js';
import { filterDocument, type Filter } from './nwfilter/filter.js';
import { filterbindingDocument, type FilterBinding } from './nwfilter/filterbinding.js';
import { networkDocument, type Network } from './network/network.js';
import { networkportDocument, type NetworkPort } from './network/networkport.js';
import { poolDocument, type Pool } from './storage/pool.js';
import { volumeDocument, type Volume } from './storage/volume.js';
import { storagepoolCapabilitiesDocument, type StoragePoolCapabilities } from './storage/poolcaps.js';
import { secretDocument, type Secret } from './secret.js';
import { capabilitiesDocument, type Capabilities } from './capabilities/capabilities.js';
import { domainCapabilitiesDocument, type DomainCapabilities } from './capabilities/domaincaps.js';
import { deviceDocument, type NodeDevice } from './nodedev/device.js';
import { interfaceDocument, type HostInterface } from './iface/interface.js';
import { cpuDocument, type CpuDocument } from './cpu/cpu.js';

/** Every document kind, by root element name. */
export const documents = {
  domain: domainDocument,
  domainsnapshot: domainsnapshotDocument,
  domaincheckpoint: domaincheckpointDocument,
  domainbackup: domainbackupDocument,
  filter: filterDocument,
  filterbinding: filterbindingDocument,
  network: networkDocument,
  networkport: networkportDocument,
  pool: poolDocument,
  volume: volumeDocument,
  storagepoolCapabilities: storagepoolCapabilitiesDocument,
  secret: secretDocument,
  capabilities: capabilitiesDocument,
  domainCapabilities: domainCapabilitiesDocument,
  device: deviceDocument,
  interface: interfaceDocument,
  cpu: cpuDocument,
} as const satisfies Record<string, DocumentDef<any>>;

export type Kind = keyof typeof documents;

/** The object type of each kind. */
export interface DocumentTypes {
  domain: Domain;
  domainsnapshot: DomainSnapshot;
  domaincheckpoint: DomainCheckpoint;
  domainbackup: DomainBackup;
  filter: Filter;
  filterbinding: FilterBinding;
  network: Network;
  networkport: NetworkPort;
  pool: Pool;
  volume: Volume;
  storagepoolCapabilities: StoragePoolCapabilities;
  secret: Secret;
  capabilities: Capabilities;
  domainCapabilities: DomainCapabilities;
  device: NodeDevice;
  interface: HostInterface;
  cpu: CpuDocument;
}

export type AnyDocument = { [K in Kind]: { kind: K; doc: DocumentTypes[K] } }[Kind];

export function isKind(name: string): name is Kind {
  return Object.prototype.hasOwnProperty.call(documents, name);
}

function kindNames(): string {
  return Object.keys(documents).join(', ');
}

/** Parses any supported document; the root element decides the kind. */
export function parse(input: string | Uint8Array, options: ParseOptions = {}): AnyDocument {
  const { xml: xmlOpts, elementPositions } = xmlOptions(options);
  const xml = parseXml(input, xmlOpts);
  const root = xml.root;
  const kind = localName(root.name);
  if (!isKind(kind)) throw new ModelError(`unsupported document <${root.name}> (supported: ${kindNames()})`);
  const def = documents[kind] as DocumentDef<unknown>;
  return { kind, doc: decodeDocument(def, xml, options, elementPositions) } as AnyDocument;
}

/** Formats a document of the given kind. */
export function format<K extends Kind>(kind: K, doc: DocumentTypes[K]): string {
  if (!isKind(kind)) throw new ModelError(`unsupported document kind '${String(kind)}' (supported: ${kindNames()})`);
  return formatDocument(documents[kind] as DocumentDef<unknown>, doc);
}

/** The JSON form of a document: `{ "domain": { ...typed object... } }`. */
export function toJson(document: AnyDocument): Record<string, unknown> {
  return { [document.kind]: document.doc };
}

/** Reads the JSON form back (after `JSON.parse`). Values are checked when formatting. */
export function fromJson(value: unknown): AnyDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelError(`expected an object with one key naming the document kind (${kindNames()})`);
  }
  const keys = Object.keys(value);
  if (keys.length !== 1 || !isKind(keys[0])) {
    throw new ModelError(`expected an object with one key naming the document kind (${kindNames()}), found keys: ${keys.join(', ') || 'none'}`);
  }
  const kind = keys[0];
  return { kind, doc: (value as Record<string, unknown>)[kind] } as AnyDocument;
}

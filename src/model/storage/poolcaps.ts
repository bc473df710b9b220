// Placeholder: to be completed from its RelaxNG schema and format document.
import { el, type Infer } from '../../schema/index.js';
import { defineDocument } from '../../schema/document.js';

export const StoragePoolCapabilities = el('storagepoolCapabilities', {});
export type StoragePoolCapabilities = Infer<typeof StoragePoolCapabilities>;

export const storagepoolCapabilitiesDocument = defineDocument(StoragePoolCapabilities);

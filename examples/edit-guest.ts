/**
 * Edits a parsed guest: the example guest beside this file gets more memory, a second
 * (data) disk, and loses its CD-ROM drive. Everything the edit does not touch is written
 * back as it was read, the other application's `<metadata>` and the `qemu:` command line
 * included.
 *
 *   npx tsx examples/edit-guest.ts      # prints the edited domain XML
 *
 * In your own code, import from 'libvirt-xml' instead of '../src/index.js'.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDomain, parseDomain, type Domain } from '../src/index.js';

/** The example guest that ships with the project. */
export const guestXml = (): string => readFileSync(new URL('./guest.xml', import.meta.url), 'utf8');

/** The guest read from `xmlText`, edited. */
export function editGuest(xmlText: string = guestXml()): Domain {
  const dom = parseDomain(xmlText); // throws XmlSyntaxError (line, column) on bad XML
  dom.memory = { value: 8, unit: 'GiB' };
  dom.currentMemory = { value: 8, unit: 'GiB' };
  dom.devices?.disk?.push({
    type: 'file',
    device: 'disk',
    driver: { name: 'qemu', type: 'qcow2' },
    source: { file: '/var/lib/libvirt/images/data.qcow2' },
    target: { dev: 'vdb', bus: 'virtio' },
  });
  if (dom.devices?.disk) dom.devices.disk = dom.devices.disk.filter((disk) => disk.device !== 'cdrom');
  return dom;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const xml = formatDomain(editGuest()); // libvirt's style: 2-space indent, single quotes
  process.stdout.write(xml);
}

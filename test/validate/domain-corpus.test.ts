/**
 * The semantic checks against libvirt's own test documents. Debian's xmllint decides which
 * corpus domains libvirt's schema accepts; on those the checks may report an error only when
 * libvirt itself rejects the document: names containing `-invalid` (libvirt's convention
 * for documents its parser or driver refuses) and the documents listed in REJECTED_BY_LIBVIRT,
 * each with libvirt's own error message. Every listed document must be flagged by the rule
 * named, so the list doubles as a regression test of the rules on real documents.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from '../../src/model/index.js';
import type { Problem } from '../../src/schema/problem.js';
import { semanticChecks } from '../../src/validate/semantic.js';
import { corpusDir, corpusFiles } from '../support/corpus.js';

const domainSchema = fileURLToPath(new URL('../../../shared/schemas/libvirt/domain.rng', import.meta.url));

/**
 * Schema-valid corpus domains libvirt refuses, by the rule that must flag them, with the
 * message libvirt gives (from `virsh define` on the test driver, or from libvirt's test
 * suite, where these documents are expected to fail).
 */
const REJECTED_BY_LIBVIRT: Record<string, [rule: string, libvirt: string]> = {
  'domainschemadata/domain-openvz-simple.xml': ['memory-missing', 'Memory size must be specified via <memory> or in the <numa> configuration'],
  'genericxml2xmlindata/chardev-tcp-missing-host.xml': ['chardev-source', 'Missing source host attribute for char device'],
  'genericxml2xmlindata/chardev-udp-multiple-source.xml': ['chardev-source', 'only two source elements are allowed for character device'],
  'genericxml2xmlindata/chardev-unix-redirdev-missing-path.xml': ['chardev-source', 'Missing source path attribute for char device'],
  'genericxml2xmlindata/chardev-unix-rng-missing-path.xml': ['chardev-source', 'Missing source path attribute for char device'],
  'genericxml2xmlindata/chardev-unix-smartcard-missing-path.xml': ['chardev-source', 'Missing source path attribute for char device'],
  'qemuxmlconfdata/boot-dev+order.xml': ['boot-order-mixed', 'per-device boot elements cannot be used together with os/boot elements'],
  'qemuxmlconfdata/cpu-numa-distance-nonexistent-sibling.xml': ['numa-distance-sibling', "'sibling_id 2' does not refer to a valid cell within NUMA 'cell id 1'"],
  'qemuxmlconfdata/disk-address-conflict.xml': ['duplicate-drive-address', "Found duplicate drive address for disk with target name 'sda'"],
  'qemuxmlconfdata/disk-fdc-incompatible-address.xml': ['address-type', "Invalid address type 'pci' for the disk 'fda' with the bus type 'fdc'"],
  'qemuxmlconfdata/disk-hostdev-scsi-address-conflict.xml': ['duplicate-drive-address', "using disk target name 'sda' conflicts with SCSI host device address"],
  'qemuxmlconfdata/disk-ide-incompatible-address.xml': ['address-type', "Invalid address type 'pci' for the disk 'hda' with the bus type 'ide'"],
  'qemuxmlconfdata/disk-scsi-incompatible-address.xml': ['address-type', "Invalid address type 'pci' for the disk 'sda' with the bus type 'scsi'"],
  'qemuxmlconfdata/disk-scsi-product-length.xml': ['disk-product-length', 'disk product is more than 16 characters'],
  'qemuxmlconfdata/hostdev-mdev-duplicate.xml': ['duplicate-hostdev', 'Hostdev already exists in the domain configuration'],
  'qemuxmlconfdata/hostdev-pci-duplicate.xml': ['duplicate-hostdev', 'Hostdev already exists in the domain configuration'],
  'qemuxmlconfdata/hostdev-subsys-mdev-vfio-ccw-duplicate-address.xml': ['duplicate-ccw-address', "The CCW devno '0xfe.0x0.0x0001' is in use already"],
  'qemuxmlconfdata/hostdev-usb-duplicate.xml': ['duplicate-hostdev', 'Hostdev already exists in the domain configuration'],
  'qemuxmlconfdata/hostdevs-drive-address-conflict.xml': ['duplicate-drive-address', "SCSI host address controller='0' bus='0' target='0' unit='0' in use by another SCSI host device"],
  'qemuxmlconfdata/hugepages-default-1G-nodeset-2M.xml': ['hugepages-nodeset', 'two master hugepages detected: 2048 and 1048576'],
  'qemuxmlconfdata/hugepages-nodeset-nonexist.xml': ['hugepages-nodeset', 'hugepages: node 1 not found'],
  'qemuxmlconfdata/hugepages-numa-nodeset-nonexist.xml': ['hugepages-nodeset', 'hugepages: node 4 not found'],
  'qemuxmlconfdata/no-memory.xml': ['memory-missing', 'Memory size must be specified via <memory> or in the <numa> configuration'],
  'qemuxmlconfdata/numad-auto-vcpu-static-numatune-no-nodeset.xml': ['numatune-placement', "nodeset for NUMA memory tuning must be set if 'placement' is 'static'"],
  'qemuxmlconfdata/numatune-memnode-nocpu.xml': ['numatune-memnode-cell', "Element 'memnode' is invalid without any guest NUMA cells"],
  'qemuxmlconfdata/numatune-memnode-restrictive-mode-err-mixed.xml': ['numatune-mode', "'restrictive' mode is required in memnode element when mode is 'restrictive' in memory element"],
  'qemuxmlconfdata/pci-bridge-duplicate-index.xml': ['duplicate-controller-index', "Multiple 'pci' controllers with index '1'"],
  'qemuxmlconfdata/pci-root-address.xml': ['pci-root-address', 'pci-root and pcie-root controllers should not have an address'],
  'qemuxmlconfdata/pseries-default-phb-numa-node.xml': ['pci-root-numa-node', "The PCI controller with index=0 can't be associated with a NUMA node"],
  'qemuxmlconfdata/pseries-vio-address-clash.xml': ['duplicate-spapr-vio-address', 'spapr-vio address 0x4000 already in use'],
  'qemuxmlconfdata/q35-dmi-bad-address1.xml': ['duplicate-controller-index', "Multiple 'pci' controllers with index '2'"],
  'qemuxmlconfdata/serial-unix-missing-source.xml': ['chardev-source', 'Missing source path attribute for char device'],
  'qemuxmlconfdata/shmem-small-size.xml': ['shmem-size', 'shmem size must be at least 1 MiB (1024 KiB)'],
  'qemuxmlconfdata/usb-hub-conflict.xml': ['duplicate-usb-address', 'Duplicate USB address bus 0 port 1'],
  'qemuxmlconfdata/usb-hub-nonexistent.xml': ['usb-port-missing', 'there is no hub at port 1 in USB address bus: 0 port: 1.2.3'],
  'qemuxmlconfdata/usb-none-hub.xml': ['usb-bus-missing', "Can't add USB hub: USB is disabled for this domain"],
  'qemuxmlconfdata/usb-ports-out-of-range.xml': ['usb-port-missing', 'requested USB port 1.9 not present on USB bus 0'],
  'qemuxmlconfdata/video-multiple-primaries.xml': ['video-primary', 'Only one primary video device is supported'],
  'qemuxmlconfdata/video-ramfb-display-device-pci-address.xml': ['address-type', 'address not supported for video type ramfb'],
};

/** libvirt's naming convention for test documents it refuses. */
const isInvalidByName = (name: string) => /-invalid([-.])/.test(name);

const inCi = process.env.CI === 'true';

/** Why xmllint cannot run, or null. */
function xmllintProblem(): string | null {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (r.error) return `xmllint is not available (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}); Debian: apt-get install libxml2-utils`;
  return null;
}

/** The corpus files (relative names) that libvirt's domain schema accepts, in batches of one xmllint run each. */
function schemaValid(names: string[]): Set<string> {
  const valid = new Set<string>();
  const batch = 400;
  for (let i = 0; i < names.length; i += batch) {
    const part = names.slice(i, i + batch);
    const r = spawnSync('xmllint', ['--noout', '--relaxng', domainSchema, ...part], { cwd: corpusDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const line of r.stderr.split('\n')) {
      const m = /^(.*) validates$/.exec(line);
      if (m) valid.add(m[1]);
    }
  }
  return valid;
}

function semanticProblems(text: string): Problem[] {
  const positions = new WeakMap<object, { line: number; column: number }>();
  const { kind, doc } = parse(text, { positions });
  const checks = (semanticChecks[kind] ?? []) as ((d: unknown, o: { positions: typeof positions }) => Problem[])[];
  return checks.flatMap((check) => check(doc, { positions }));
}

const unavailable = corpusFiles().length === 0 ? 'the corpus is not available' : xmllintProblem();

test('corpus domains accepted by libvirt: no semantic error; refused ones: flagged', { skip: unavailable && !inCi ? unavailable : false }, (t) => {
  assert.equal(unavailable, null, unavailable ?? '');
  const domains = corpusFiles().filter((f) => f.root === 'domain');
  const valid = schemaValid(domains.map((f) => f.name));
  assert.ok(valid.size > 1000, `xmllint accepted only ${valid.size} of ${domains.length} corpus domains; is the schema there?`);

  const unexpected: string[] = [];
  const invalidFlagged: string[] = [];
  const invalidNames: string[] = [];
  const missed: string[] = [];
  const warnings = new Map<string, number>();
  for (const f of domains) {
    if (!valid.has(f.name)) continue;
    const problems = semanticProblems(f.text);
    for (const w of problems.filter((p) => p.severity === 'warning')) warnings.set(w.rule, (warnings.get(w.rule) ?? 0) + 1);
    const errors = problems.filter((p) => p.severity === 'error');
    const expected = REJECTED_BY_LIBVIRT[f.name];
    if (isInvalidByName(f.name)) {
      invalidNames.push(f.name);
      if (errors.length > 0) invalidFlagged.push(f.name);
    } else if (expected) {
      if (!errors.some((e) => e.rule === expected[0])) missed.push(`${f.name}: expected ${expected[0]} (libvirt: ${expected[1]})`);
    } else {
      for (const e of errors) unexpected.push(`${f.name}:${e.line}:${e.column} ${e.rule} ${e.path}: ${e.message}`);
    }
  }

  t.diagnostic(`${valid.size} of ${domains.length} corpus domains are schema-valid`);
  t.diagnostic(`documents named -invalid: ${invalidFlagged.length} of ${invalidNames.length} flagged with an error`);
  t.diagnostic(`documents libvirt refuses otherwise: ${Object.keys(REJECTED_BY_LIBVIRT).length - missed.length} of ${Object.keys(REJECTED_BY_LIBVIRT).length} flagged by the expected rule`);
  t.diagnostic(`warnings: ${[...warnings].map(([rule, n]) => `${rule} ${n}`).join(', ') || 'none'}`);

  assert.deepEqual(unexpected, [], 'errors on documents libvirt accepts');
  assert.deepEqual(missed, [], 'documents libvirt refuses that the checks let through');
  for (const name of Object.keys(REJECTED_BY_LIBVIRT)) assert.ok(valid.has(name), `${name} is listed as refused by libvirt but is not schema-valid`);
});

test('corpus networks and filters: no semantic error', () => {
  const others = corpusFiles().filter((f) => f.root === 'network' || f.root === 'filter');
  const errors = others.flatMap((f) => semanticProblems(f.text).filter((p) => p.severity === 'error').map((p) => `${f.name}: ${p.rule} ${p.path}`));
  assert.deepEqual(errors, []);
});

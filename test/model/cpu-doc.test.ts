import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCpu, formatCpu, type CpuDocument } from '../../src/index.js';

const HOST = `<cpu>
  <arch>x86_64</arch>
  <features>
    <pae/>
    <vmx/>
  </features>
  <model>Skylake-Client-noTSX-IBRS</model>
  <vendor>Intel</vendor>
  <microcode version='236'/>
  <signature family='6' model='142' stepping='12'/>
  <counter name='tsc' frequency='2303997000' scaling='no'/>
  <topology sockets='1' dies='1' clusters='1' cores='4' threads='2'/>
  <maxphysaddr mode='emulate' bits='39'/>
  <feature name='ds'/>
  <feature name='invtsc'/>
  <pages unit='KiB' size='4'/>
  <pages unit='KiB' size='2048'/>
</cpu>
`;

test('cpu document: a host CPU reads as typed values', () => {
  const c = parseCpu(HOST);
  assert.equal(c.arch, 'x86_64');
  assert.deepEqual(c.features, { pae: true, vmx: true });
  assert.deepEqual(c.model, { value: 'Skylake-Client-noTSX-IBRS' });
  assert.deepEqual(c.vendor, { value: 'Intel' });
  assert.deepEqual(c.microcode, { version: 236 });
  assert.deepEqual(c.signature, { family: 6, model: 142, stepping: 12 });
  assert.deepEqual(c.counter, { name: 'tsc', frequency: 2303997000, scaling: false });
  assert.deepEqual(c.topology, { sockets: 1, dies: 1, clusters: 1, cores: 4, threads: 2 });
  assert.deepEqual(c.maxphysaddr, { mode: 'emulate', bits: 39 });
  assert.deepEqual(c.feature, [{ name: 'ds' }, { name: 'invtsc' }]);
  assert.deepEqual(c.pages, [{ unit: 'KiB', size: 4 }, { unit: 'KiB', size: 2048 }]);
  assert.equal(c.mode, undefined);
  assert.equal(formatCpu(c), HOST);
});

test('cpu document: a guest CPU with policies, cache and NUMA', () => {
  const xml = `<cpu mode='custom' match='exact' check='partial'>
  <model fallback='forbid' vendor_id='GenuineIntel'>Haswell</model>
  <vendor>Intel</vendor>
  <topology sockets='2' cores='2' threads='1'/>
  <cache level='3' mode='emulate'/>
  <feature policy='require' name='vmx'/>
  <feature policy='disable' name='svm'/>
  <numa>
    <cell id='0' cpus='0-1' memory='1048576' unit='KiB'/>
    <cell id='1' cpus='2-3' memory='1048576' unit='KiB' memAccess='shared'/>
  </numa>
</cpu>
`;
  const c = parseCpu(xml);
  assert.equal(c.mode, 'custom');
  assert.equal(c.match, 'exact');
  assert.equal(c.check, 'partial');
  assert.deepEqual(c.model, { fallback: 'forbid', vendor_id: 'GenuineIntel', value: 'Haswell' });
  assert.deepEqual(c.cache, { level: 3, mode: 'emulate' });
  assert.deepEqual(c.feature, [
    { policy: 'require', name: 'vmx' },
    { policy: 'disable', name: 'svm' },
  ]);
  assert.equal(c.numa?.cell?.[1].memAccess, 'shared');
  assert.equal(c.numa?.cell?.[0].memory, 1048576);
  assert.equal(formatCpu(c), xml);
});

test('cpu document: changing values changes exactly those places', () => {
  const c = parseCpu(HOST);
  c.signature!.stepping = 13;
  c.counter!.scaling = true;
  c.feature!.push({ name: 'pdpe1gb' });
  c.features!.vmx = false;
  const expected = HOST.replace("stepping='12'", "stepping='13'")
    .replace("scaling='no'", "scaling='yes'")
    .replace("  <feature name='invtsc'/>\n", "  <feature name='invtsc'/>\n  <feature name='pdpe1gb'/>\n")
    .replace('    <vmx/>\n', '');
  assert.equal(formatCpu(c), expected);
});

test('cpu document: built in code', () => {
  const c: CpuDocument = {
    mode: 'host-passthrough',
    migratable: true,
    check: 'none',
    topology: { sockets: 1, cores: 4, threads: 2 },
    feature: [{ policy: 'disable', name: 'vmx' }],
  };
  assert.equal(
    formatCpu(c),
    `<cpu mode='host-passthrough' check='none' migratable='on'>
  <topology sockets='1' cores='4' threads='2'/>
  <feature policy='disable' name='vmx'/>
</cpu>
`,
  );
});

test('cpu document: host elements are written in libvirt order whatever the object order', () => {
  const c: CpuDocument = {
    pages: [{ unit: 'KiB', size: 4 }],
    feature: [{ name: 'ds' }],
    vendor: { value: 'AMD' },
    arch: 'x86_64',
    signature: { family: 23, model: 1, stepping: 2 },
    model: { value: 'EPYC' },
  };
  assert.equal(
    formatCpu(c),
    `<cpu>
  <arch>x86_64</arch>
  <model>EPYC</model>
  <vendor>AMD</vendor>
  <signature family='23' model='1' stepping='2'/>
  <feature name='ds'/>
  <pages unit='KiB' size='4'/>
</cpu>
`,
  );
});

test('cpu document: unknown attributes and elements survive', () => {
  const xml = `<cpu mode='custom' future='1'>
  <model fallback='allow' extra='x'>Haswell</model>
  <newthing a='b'/>
  <signature family='6' model='60' stepping='3' revision='9'/>
  <feature policy='require' name='vmx'/>
</cpu>
`;
  const c = parseCpu(xml);
  assert.equal(c.model?.value, 'Haswell');
  assert.equal(c.signature?.family, 6);
  assert.equal(formatCpu(c), xml);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDomain, formatDomain, type Domain } from '../../src/index.js';
import { tunedGuest } from '../support/built.js';

const wrap = (inner: string, rootAttrs = '') => `<domain type='kvm'${rootAttrs}>\n  <name>t</name>\n${inner}</domain>\n`;

test('cpu: typed attributes, model, topology, features', () => {
  const d = parseDomain(wrap(`  <cpu mode='custom' match='exact' check='partial' migratable='off'>
    <model fallback='forbid' vendor_id='GenuineIntel'>Skylake-Client</model>
    <vendor>Intel</vendor>
    <topology sockets='2' dies='1' clusters='1' cores='4' threads='2'/>
    <cache level='3' mode='emulate'/>
    <maxphysaddr mode='passthrough' limit='39'/>
    <feature policy='require' name='vmx'/>
    <feature policy='disable' name='hle'/>
  </cpu>
`));
  const cpu = d.cpu!;
  assert.equal(cpu.mode, 'custom');
  assert.equal(cpu.match, 'exact');
  assert.equal(cpu.check, 'partial');
  assert.equal(cpu.migratable, false);
  assert.deepEqual(cpu.model, { fallback: 'forbid', vendor_id: 'GenuineIntel', value: 'Skylake-Client' });
  assert.deepEqual(cpu.vendor, { value: 'Intel' });
  assert.deepEqual(cpu.topology, { sockets: 2, dies: 1, clusters: 1, cores: 4, threads: 2 });
  assert.deepEqual(cpu.cache, { level: 3, mode: 'emulate' });
  assert.deepEqual(cpu.maxphysaddr, { mode: 'passthrough', limit: 39 });
  assert.deepEqual(cpu.feature, [
    { policy: 'require', name: 'vmx' },
    { policy: 'disable', name: 'hle' },
  ]);
});

test('cpu: changing one value changes exactly that spot', () => {
  const xml = wrap(`  <cpu mode='host-passthrough' check='none' migratable='on'>
    <topology sockets='1' cores='2' threads='1'/>
  </cpu>
`);
  const d = parseDomain(xml);
  assert.equal(formatDomain(d), xml);
  d.cpu!.topology!.cores = 8;
  d.cpu!.deprecated_features = true;
  assert.equal(
    formatDomain(d),
    xml
      .replace(`cores='2'`, `cores='8'`)
      .replace(`migratable='on'>`, `migratable='on' deprecated_features='on'>`),
  );
});

test('cpu numa: cells, distances, caches and interconnects', () => {
  const xml = wrap(`  <cpu mode='host-model' check='partial'>
    <numa>
      <cell id='0' cpus='0-1' memory='1048576' unit='KiB' memAccess='shared' discard='yes'>
        <distances>
          <sibling id='0' value='10'/>
          <sibling id='1' value='21'/>
        </distances>
        <cache level='1' associativity='direct' policy='writeback'>
          <size value='10' unit='KiB'/>
          <line value='8' unit='B'/>
        </cache>
      </cell>
      <cell id='1' memory='2097152' unit='KiB'/>
      <interconnects>
        <latency initiator='0' target='0' type='access' value='5'/>
        <latency initiator='0' target='0' cache='1' type='access' value='10'/>
        <bandwidth initiator='0' target='1' type='read' value='204800' unit='KiB'/>
      </interconnects>
    </numa>
  </cpu>
`);
  const d = parseDomain(xml);
  const numa = d.cpu!.numa!;
  assert.equal(numa.cell!.length, 2);
  const c0 = numa.cell![0]!;
  assert.equal(c0.id, 0);
  assert.equal(c0.cpus, '0-1');
  assert.equal(c0.memory, 1048576);
  assert.equal(c0.unit, 'KiB');
  assert.equal(c0.memAccess, 'shared');
  assert.equal(c0.discard, true);
  assert.deepEqual(c0.distances!.sibling, [{ id: 0, value: 10 }, { id: 1, value: 21 }]);
  assert.deepEqual(c0.cache, [{
    level: 1, associativity: 'direct', policy: 'writeback',
    size: { value: 10, unit: 'KiB' }, line: { value: 8, unit: 'B' },
  }]);
  assert.deepEqual(numa.interconnects!.latency![1], { initiator: 0, target: 0, cache: 1, type: 'access', value: 10 });
  assert.deepEqual(numa.interconnects!.bandwidth, [{ initiator: 0, target: 1, type: 'read', value: 204800, unit: 'KiB' }]);
  assert.equal(formatDomain(d), xml);
});

test('memory: sizes, dumpCore, slots, backing and memtune', () => {
  const xml = wrap(`  <maxMemory slots='16' unit='KiB'>8388608</maxMemory>
  <memory dumpCore='off' unit='KiB'>4194304</memory>
  <currentMemory unit='KiB'>2097152</currentMemory>
  <memtune>
    <hard_limit unit='KiB'>9437184</hard_limit>
    <soft_limit unit='GiB'>8</soft_limit>
    <swap_hard_limit unit='KiB'>10485760</swap_hard_limit>
  </memtune>
  <memoryBacking>
    <hugepages>
      <page size='1' unit='G' nodeset='0-1'/>
      <page size='2048' unit='KiB'/>
    </hugepages>
    <nosharepages/>
    <locked/>
    <source type='memfd'/>
    <access mode='shared'/>
    <allocation mode='immediate' threads='8'/>
    <discard/>
  </memoryBacking>
`);
  const d = parseDomain(xml);
  assert.deepEqual(d.maxMemory, { slots: 16, unit: 'KiB', value: 8388608 });
  assert.deepEqual(d.memory, { dumpCore: false, unit: 'KiB', value: 4194304 });
  assert.deepEqual(d.currentMemory, { unit: 'KiB', value: 2097152 });
  assert.deepEqual(d.memtune, {
    hard_limit: { unit: 'KiB', value: 9437184 },
    soft_limit: { unit: 'GiB', value: 8 },
    swap_hard_limit: { unit: 'KiB', value: 10485760 },
  });
  const mb = d.memoryBacking!;
  assert.deepEqual(mb.hugepages!.page, [
    { size: 1, unit: 'G', nodeset: '0-1' },
    { size: 2048, unit: 'KiB' },
  ]);
  assert.equal(mb.nosharepages, true);
  assert.equal(mb.locked, true);
  assert.equal(mb.discard, true);
  assert.deepEqual(mb.source, { type: 'memfd' });
  assert.deepEqual(mb.access, { mode: 'shared' });
  assert.deepEqual(mb.allocation, { mode: 'immediate', threads: 8 });
  assert.equal(formatDomain(d), xml);

  d.memory!.value = 8388608;
  mb.locked = false;
  assert.equal(
    formatDomain(d),
    xml.replace(`unit='KiB'>4194304<`, `unit='KiB'>8388608<`).replace('    <locked/>\n', ''),
  );
});

test('vcpu, vcpus, iothreads, cputune, numatune, blkiotune', () => {
  const xml = wrap(`  <blkiotune>
    <weight>800</weight>
    <device>
      <path>/dev/sda</path>
      <weight>1000</weight>
      <read_iops_sec>10000</read_iops_sec>
      <write_bytes_sec>10485760</write_bytes_sec>
    </device>
  </blkiotune>
  <vcpu placement='static' cpuset='0-3,^2' current='2'>4</vcpu>
  <vcpus>
    <vcpu id='0' enabled='yes' hotpluggable='no' order='1'/>
    <vcpu id='1' enabled='no' hotpluggable='yes'/>
  </vcpus>
  <iothreads>2</iothreads>
  <iothreadids>
    <iothread id='1' thread_pool_min='2' thread_pool_max='8'>
      <poll max='123' grow='456' shrink='789'/>
    </iothread>
    <iothread id='2'/>
  </iothreadids>
  <defaultiothread thread_pool_min='1' thread_pool_max='4'/>
  <cputune>
    <shares>2048</shares>
    <period>1000000</period>
    <quota>-1</quota>
    <emulator_period>5000</emulator_period>
    <emulator_quota>2000</emulator_quota>
    <vcpupin vcpu='0' cpuset='1'/>
    <vcpupin vcpu='1' cpuset='2-3'/>
    <emulatorpin cpuset='4'/>
    <iothreadpin iothread='1' cpuset='5'/>
    <emulatorsched scheduler='batch'/>
    <vcpusched vcpus='0-1' scheduler='fifo' priority='10'/>
    <iothreadsched iothreads='1' scheduler='idle'/>
    <cachetune vcpus='0-1'>
      <cache id='0' level='3' type='both' size='3' unit='MiB'/>
      <monitor level='3' vcpus='1'/>
    </cachetune>
    <memorytune vcpus='2'>
      <node id='0' bandwidth='60'/>
      <monitor vcpus='2'/>
    </memorytune>
  </cputune>
  <numatune>
    <memory mode='strict' nodeset='0-1'/>
    <memnode cellid='0' mode='preferred' nodeset='1'/>
  </numatune>
`);
  const d = parseDomain(xml);
  assert.deepEqual(d.vcpu, { placement: 'static', cpuset: '0-3,^2', current: 2, value: 4 });
  assert.deepEqual(d.vcpus!.vcpu, [
    { id: 0, enabled: true, hotpluggable: false, order: 1 },
    { id: 1, enabled: false, hotpluggable: true },
  ]);
  assert.deepEqual(d.iothreadids!.iothread![0], { id: 1, thread_pool_min: 2, thread_pool_max: 8, poll: { max: 123, grow: 456, shrink: 789 } });
  assert.deepEqual(d.defaultiothread, { thread_pool_min: 1, thread_pool_max: 4 });
  const ct = d.cputune!;
  assert.equal(ct.shares, 2048);
  assert.equal(ct.period, 1000000);
  assert.equal(ct.quota, -1);
  assert.equal(ct.emulator_quota, 2000);
  assert.deepEqual(ct.vcpupin, [{ vcpu: 0, cpuset: '1' }, { vcpu: 1, cpuset: '2-3' }]);
  assert.deepEqual(ct.emulatorpin, { cpuset: '4' });
  assert.deepEqual(ct.iothreadpin, [{ iothread: 1, cpuset: '5' }]);
  assert.deepEqual(ct.emulatorsched, { scheduler: 'batch' });
  assert.deepEqual(ct.vcpusched, [{ vcpus: '0-1', scheduler: 'fifo', priority: 10 }]);
  assert.deepEqual(ct.iothreadsched, [{ iothreads: '1', scheduler: 'idle' }]);
  assert.deepEqual(ct.cachetune, [{
    vcpus: '0-1',
    cache: [{ id: 0, level: 3, type: 'both', size: 3, unit: 'MiB' }],
    monitor: [{ level: 3, vcpus: '1' }],
  }]);
  assert.deepEqual(ct.memorytune, [{ vcpus: '2', node: [{ id: 0, bandwidth: 60 }], monitor: [{ vcpus: '2' }] }]);
  assert.deepEqual(d.numatune, {
    memory: { mode: 'strict', nodeset: '0-1' },
    memnode: [{ cellid: 0, mode: 'preferred', nodeset: '1' }],
  });
  assert.deepEqual(d.blkiotune, {
    weight: 800,
    device: [{ path: '/dev/sda', weight: 1000, read_iops_sec: 10000, write_bytes_sec: 10485760 }],
  });
  assert.equal(formatDomain(d), xml);

  d.vcpu!.current = 3;
  ct.vcpusched![0]!.priority = 20;
  assert.equal(
    formatDomain(d),
    xml.replace(`current='2'`, `current='3'`).replace(`priority='10'`, `priority='20'`),
  );
});

test('throttlegroups: every iotune value', () => {
  const xml = wrap(`  <throttlegroups>
    <throttlegroup>
      <total_bytes_sec>1</total_bytes_sec>
      <total_iops_sec>2</total_iops_sec>
      <read_bytes_sec_max>3</read_bytes_sec_max>
      <write_bytes_sec_max>4</write_bytes_sec_max>
      <total_iops_sec_max>5</total_iops_sec_max>
      <size_iops_sec>6</size_iops_sec>
      <group_name>limit0</group_name>
      <total_bytes_sec_max_length>7</total_bytes_sec_max_length>
      <read_iops_sec_max_length>8</read_iops_sec_max_length>
    </throttlegroup>
  </throttlegroups>
`);
  const d = parseDomain(xml);
  assert.deepEqual(d.throttlegroups!.throttlegroup, [{
    total_bytes_sec: 1, total_iops_sec: 2, read_bytes_sec_max: 3, write_bytes_sec_max: 4,
    total_iops_sec_max: 5, size_iops_sec: 6, group_name: 'limit0',
    total_bytes_sec_max_length: 7, read_iops_sec_max_length: 8,
  }]);
  assert.equal(formatDomain(d), xml);
});

test('building cpu, memory and tuning from scratch in code', () => {
  const d: Domain = tunedGuest();
  assert.equal(formatDomain(d), `<domain type='kvm'>
  <name>vm1</name>
  <memory unit='GiB'>4</memory>
  <memoryBacking>
    <hugepages>
      <page size='2' unit='M'/>
    </hugepages>
    <access mode='shared'/>
  </memoryBacking>
  <vcpu placement='static'>4</vcpu>
  <cputune>
    <vcpupin vcpu='0' cpuset='2'/>
    <emulatorsched scheduler='rr' priority='5'/>
  </cputune>
  <numatune>
    <memory mode='interleave' placement='auto'/>
  </numatune>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
  <cpu mode='host-model'>
    <topology sockets='1' cores='2' threads='2'/>
    <feature policy='disable' name='svm'/>
    <numa>
      <cell id='0' cpus='0-3' memory='4' unit='GiB'/>
    </numa>
  </cpu>
</domain>
`);
});

test('unknown attributes and elements inside these elements survive', () => {
  const xml = wrap(`  <memoryBacking>
    <hugepages frob='1'/>
    <futureThing a='b'/>
  </memoryBacking>
  <cputune>
    <shares>1024</shares>
    <newtune x='y'/>
  </cputune>
  <cpu mode='custom' flavor='odd'>
    <model>qemu64</model>
    <extra/>
    <numa>
      <cell id='0' memory='1024' newattr='v'/>
    </numa>
  </cpu>
`);
  const unknown: string[] = [];
  const d = parseDomain(xml, { report: (path) => unknown.push(path) });
  assert.deepEqual(unknown.sort(), [
    '/domain/cpu/@flavor',
    '/domain/cpu/extra[1]',
    '/domain/cpu/numa/cell[1]/@newattr',
    '/domain/cputune/newtune[1]',
    '/domain/memoryBacking/futureThing[1]',
    '/domain/memoryBacking/hugepages/@frob',
  ]);
  assert.equal(d.cpu!.model!.value, 'qemu64');
  assert.equal(formatDomain(d), xml);
});

test('unreadable numbers keep their text', () => {
  const xml = wrap(`  <vcpu placement='static'>many</vcpu>
  <cputune>
    <quota>lots</quota>
  </cputune>
`);
  const d = parseDomain(xml);
  assert.equal(formatDomain(d), xml);
});

test('qemu namespace: parsed with its prefix, declared when added in code', () => {
  const xml = wrap(`  <qemu:commandline>
    <qemu:arg value='-newarg'/>
    <qemu:env name='QEMU_ENV' value='VAL'/>
    <qemu:env name='EMPTY'/>
  </qemu:commandline>
  <qemu:capabilities>
    <qemu:add capability='blockdev'/>
    <qemu:del capability='drive'/>
  </qemu:capabilities>
  <qemu:deprecation behavior='crash'/>
  <qemu:override>
    <qemu:device alias='ua-dev'>
      <qemu:frontend>
        <qemu:property name='prop1' type='string' value='abc'/>
        <qemu:property name='prop2' type='remove'/>
      </qemu:frontend>
    </qemu:device>
  </qemu:override>
`, ` xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'`);
  const d = parseDomain(xml);
  assert.deepEqual(d.qemuCommandline, {
    arg: [{ value: '-newarg' }],
    env: [{ name: 'QEMU_ENV', value: 'VAL' }, { name: 'EMPTY' }],
  });
  assert.deepEqual(d.qemuCapabilities, { add: [{ capability: 'blockdev' }], del: [{ capability: 'drive' }] });
  assert.deepEqual(d.qemuDeprecation, { behavior: 'crash' });
  assert.deepEqual(d.qemuOverride, {
    device: [{
      alias: 'ua-dev',
      frontend: { property: [{ name: 'prop1', type: 'string', value: 'abc' }, { name: 'prop2', type: 'remove' }] },
    }],
  });
  assert.equal(formatDomain(d), xml);

  // Added in code to a domain without any xmlns:qemu: the namespace is declared.
  const plain = parseDomain(wrap(''));
  plain.qemuCommandline = { arg: [{ value: '-S' }] };
  assert.equal(formatDomain(plain), wrap(`  <qemu:commandline xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
    <qemu:arg value='-S'/>
  </qemu:commandline>
`));
});

test('qemu namespace declared under another prefix keeps that prefix', () => {
  const xml = wrap(`  <ns0:commandline>
    <ns0:arg value='ARGUMENT'/>
  </ns0:commandline>
`, ` xmlns:ns0='http://libvirt.org/schemas/domain/qemu/1.0'`);
  const d = parseDomain(xml);
  assert.deepEqual(d.qemuCommandline, { arg: [{ value: 'ARGUMENT' }] });
  assert.equal(formatDomain(d), xml);
  d.qemuCommandline!.arg!.push({ value: 'MORE' });
  d.qemuDeprecation = { behavior: 'omit' };
  assert.equal(formatDomain(d), wrap(`  <ns0:commandline>
    <ns0:arg value='ARGUMENT'/>
    <ns0:arg value='MORE'/>
  </ns0:commandline>
  <ns0:deprecation behavior='omit'/>
`, ` xmlns:ns0='http://libvirt.org/schemas/domain/qemu/1.0'`));

  // Declared on the element itself rather than the root.
  const local = `<domain type='kvm'>
  <name>t</name>
  <ns0:commandline xmlns:ns0='http://libvirt.org/schemas/domain/qemu/1.0'>
    <ns0:arg value='ARGUMENT'/>
  </ns0:commandline>
</domain>
`;
  const l = parseDomain(local);
  assert.deepEqual(l.qemuCommandline!.arg, [{ value: 'ARGUMENT' }]);
  assert.equal(formatDomain(l), local);
});

test('a qemu-named element in a foreign namespace is not the qemu one', () => {
  const xml = wrap(`  <qemu:commandline>
    <qemu:arg value='x'/>
  </qemu:commandline>
`, ` xmlns:qemu='urn:dummy'`);
  const unknown: string[] = [];
  const d = parseDomain(xml, { report: (path) => unknown.push(path) });
  assert.equal(d.qemuCommandline, undefined);
  assert.equal(unknown.length, 1);
  assert.equal(formatDomain(d), xml);
});

test('lxc, bhyve, xen and vmware namespaces', () => {
  const ns = ` xmlns:lxc='http://libvirt.org/schemas/domain/lxc/1.0' xmlns:bhyve='http://libvirt.org/schemas/domain/bhyve/1.0' xmlns:xen='http://libvirt.org/schemas/domain/xen/1.0' xmlns:vmware='http://libvirt.org/schemas/domain/vmware/1.0'`;
  const xml = wrap(`  <lxc:namespace>
    <lxc:sharenet type='netns' value='red'/>
    <lxc:shareipc type='pid' value='12345'/>
    <lxc:shareuts type='name' value='container1'/>
  </lxc:namespace>
  <bhyve:commandline>
    <bhyve:arg value='-somebhyvearg'/>
  </bhyve:commandline>
  <xen:commandline>
    <xen:arg value='-no-acpi'/>
  </xen:commandline>
  <vmware:datacenterpath>folder1/datacenter1</vmware:datacenterpath>
`, ns);
  const d = parseDomain(xml);
  assert.deepEqual(d.lxcNamespace, {
    sharenet: { type: 'netns', value: 'red' },
    shareipc: { type: 'pid', value: '12345' },
    shareuts: { type: 'name', value: 'container1' },
  });
  assert.deepEqual(d.bhyveCommandline, { arg: [{ value: '-somebhyvearg' }] });
  assert.deepEqual(d.xenCommandline, { arg: [{ value: '-no-acpi' }] });
  assert.deepEqual(d.vmwareDatacenterpath, { value: 'folder1/datacenter1' });
  assert.equal(formatDomain(d), xml);

  const built: Domain = { type: 'lxc', name: 'c', lxcNamespace: { sharenet: { type: 'name', value: 'other' } } };
  assert.equal(formatDomain(built), `<domain type='lxc'>
  <name>c</name>
  <lxc:namespace xmlns:lxc='http://libvirt.org/schemas/domain/lxc/1.0'>
    <lxc:sharenet type='name' value='other'/>
  </lxc:namespace>
</domain>
`);
});

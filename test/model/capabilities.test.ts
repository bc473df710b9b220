import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseCapabilities, formatCapabilities, parseDomainCapabilities, formatDomainCapabilities,
  type Capabilities, type DomainCapabilities,
} from '../../src/index.js';
import type { HostCpu } from '../../src/model/capabilities/hostcpu.js';
import type { DomainCapsCpuMode } from '../../src/model/capabilities/domaincaps.js';

// ---------------------------------------------------------------------------
// <capabilities>

const HOST = `<capabilities>
  <host>
    <uuid>a25c794c-34ad-11b2-a85c-b030533115b8</uuid>
    <cpu>
      <arch>x86_64</arch>
      <model>Haswell-noTSX</model>
      <vendor>Intel</vendor>
      <microcode version='45'/>
      <signature family='6' model='60' stepping='3'/>
      <counter name='tsc' frequency='2596991000' scaling='no'/>
      <topology sockets='1' dies='1' cores='8' threads='2'/>
      <maxphysaddr mode='emulate' bits='39'/>
      <feature name='vme'/>
      <feature name='ds'/>
      <pages unit='KiB' size='4'/>
      <pages unit='KiB' size='2048'/>
    </cpu>
    <power_management>
      <suspend_mem/>
      <suspend_disk/>
    </power_management>
    <iommu support='no'/>
    <migration_features>
      <live/>
      <uri_transports>
        <uri_transport>tcp</uri_transport>
        <uri_transport>rdma</uri_transport>
      </uri_transports>
    </migration_features>
    <topology>
      <cells num='1'>
        <cell id='0'>
          <memory unit='KiB'>16175540</memory>
          <pages unit='KiB' size='4'>4043885</pages>
          <pages unit='KiB' size='2048'>0</pages>
          <distances>
            <sibling id='0' value='10'/>
          </distances>
          <cpus num='2'>
            <cpu id='0' socket_id='0' die_id='0' cluster_id='0' core_id='0' siblings='0-1'/>
            <cpu id='1' socket_id='0' die_id='0' cluster_id='0' core_id='0' siblings='0-1'/>
          </cpus>
        </cell>
      </cells>
    </topology>
    <cache>
      <bank id='0' level='3' type='both' size='15' unit='MiB' cpus='0-1'>
        <control granularity='768' min='1536' unit='KiB' type='code' maxAllocs='8'/>
      </bank>
      <monitor level='3' reuseThreshold='270336' maxMonitors='176'>
        <feature name='llc_occupancy'/>
      </monitor>
    </cache>
    <memory_bandwidth>
      <node id='0' cpus='0-1'>
        <control granularity='10' min='10' maxAllocs='4'/>
      </node>
    </memory_bandwidth>
    <secmodel>
      <model>dac</model>
      <doi>0</doi>
      <baselabel type='kvm'>+107:+107</baselabel>
      <baselabel type='qemu'>+107:+107</baselabel>
    </secmodel>
  </host>
</capabilities>
`;

test('capabilities host: typed CPU, power management, migration, topology, cache, secmodel', () => {
  const c = parseCapabilities(HOST);
  const h = c.host!;
  assert.equal(h.uuid, 'a25c794c-34ad-11b2-a85c-b030533115b8');
  const cpu = h.cpu!;
  assert.equal(cpu.arch, 'x86_64');
  assert.deepEqual(cpu.model, { value: 'Haswell-noTSX' });
  assert.deepEqual(cpu.vendor, { value: 'Intel' });
  assert.deepEqual(cpu.microcode, { version: 45 });
  assert.deepEqual(cpu.signature, { family: 6, model: 60, stepping: 3 });
  assert.deepEqual(cpu.counter, { name: 'tsc', frequency: 2596991000, scaling: false });
  assert.deepEqual(cpu.topology, { sockets: 1, dies: 1, cores: 8, threads: 2 });
  assert.deepEqual(cpu.maxphysaddr, { mode: 'emulate', bits: 39 });
  assert.deepEqual(cpu.feature, [{ name: 'vme' }, { name: 'ds' }]);
  assert.deepEqual(cpu.pages, [{ unit: 'KiB', size: 4 }, { unit: 'KiB', size: 2048 }]);
  assert.deepEqual(h.power_management, { suspend_mem: true, suspend_disk: true });
  assert.deepEqual(h.iommu, { support: false });
  assert.deepEqual(h.migration_features, { live: true, uri_transports: { uri_transport: ['tcp', 'rdma'] } });

  const cells = h.topology!.cells!;
  assert.equal(cells.num, 1);
  const cell = cells.cell![0];
  assert.equal(cell.id, 0);
  assert.deepEqual(cell.memory, { unit: 'KiB', value: 16175540 });
  assert.deepEqual(cell.pages, [{ unit: 'KiB', size: 4, value: 4043885 }, { unit: 'KiB', size: 2048, value: 0 }]);
  assert.deepEqual(cell.distances, { sibling: [{ id: 0, value: 10 }] });
  assert.equal(cell.cpus!.num, 2);
  assert.deepEqual(cell.cpus!.cpu![1], { id: 1, socket_id: 0, die_id: 0, cluster_id: 0, core_id: 0, siblings: '0-1' });

  const bank = h.cache!.bank![0];
  assert.equal(bank.size, 15);
  assert.equal(bank.unit, 'MiB');
  assert.deepEqual(bank.control, [{ granularity: 768, min: 1536, unit: 'KiB', type: 'code', maxAllocs: 8 }]);
  assert.deepEqual(h.cache!.monitor, { level: 3, reuseThreshold: 270336, maxMonitors: 176, feature: [{ name: 'llc_occupancy' }] });
  assert.deepEqual(h.memory_bandwidth!.node, [{ id: 0, cpus: '0-1', control: [{ granularity: 10, min: 10, maxAllocs: 4 }] }]);

  assert.equal(h.secmodel!.length, 1);
  assert.equal(h.secmodel![0].model, 'dac');
  assert.equal(h.secmodel![0].doi, '0');
  assert.deepEqual(h.secmodel![0].baselabel![1], { type: 'qemu', value: '+107:+107' });

  assert.equal(formatCapabilities(c), HOST);
});

const GUEST = `<capabilities>
  <host>
    <cpu>
      <arch>x86_64</arch>
    </cpu>
  </host>
  <guest>
    <os_type>hvm</os_type>
    <arch name='i686'>
      <wordsize>32</wordsize>
      <emulator>/usr/bin/qemu-system-i386</emulator>
      <machine maxCpus='255'>pc-i440fx-9.0</machine>
      <machine canonical='pc-i440fx-9.0' maxCpus='255'>pc</machine>
      <machine maxCpus='1' deprecated='yes'>isapc</machine>
      <domain type='qemu'/>
      <domain type='kvm'>
        <emulator>/usr/bin/qemu-kvm</emulator>
        <machine maxCpus='288'>pc-q35-9.0</machine>
      </domain>
    </arch>
    <features>
      <pae/>
      <nonpae/>
      <acpi default='on' toggle='yes'/>
      <apic default='off' toggle='no'/>
      <cpuselection/>
      <deviceboot/>
      <disksnapshot default='on' toggle='no'/>
    </features>
  </guest>
</capabilities>
`;

test('capabilities guest: arch, machines, domain types, features with toggles', () => {
  const c = parseCapabilities(GUEST);
  const g = c.guest![0];
  assert.equal(g.os_type, 'hvm');
  const arch = g.arch!;
  assert.equal(arch.name, 'i686');
  assert.equal(arch.wordsize, 32);
  assert.equal(arch.emulator, '/usr/bin/qemu-system-i386');
  assert.deepEqual(arch.machine, [
    { maxCpus: 255, value: 'pc-i440fx-9.0' },
    { canonical: 'pc-i440fx-9.0', maxCpus: 255, value: 'pc' },
    { maxCpus: 1, deprecated: true, value: 'isapc' },
  ]);
  assert.deepEqual(arch.domain, [
    { type: 'qemu' },
    { type: 'kvm', emulator: '/usr/bin/qemu-kvm', machine: [{ maxCpus: 288, value: 'pc-q35-9.0' }] },
  ]);
  assert.deepEqual(g.features, {
    pae: true,
    nonpae: true,
    acpi: { default: true, toggle: true },
    apic: { default: false, toggle: false },
    cpuselection: true,
    deviceboot: true,
    disksnapshot: { default: true, toggle: false },
  });
  assert.equal(formatCapabilities(c), GUEST);
});

test('capabilities: changing a value changes exactly that spot', () => {
  const c = parseCapabilities(GUEST);
  c.guest![0].arch!.machine![2].maxCpus = 4;
  c.guest![0].features!.apic!.toggle = true;
  const expected = GUEST.replace("<machine maxCpus='1' deprecated='yes'>", "<machine maxCpus='4' deprecated='yes'>").replace(
    "<apic default='off' toggle='no'/>",
    "<apic default='off' toggle='yes'/>",
  );
  assert.notEqual(expected, GUEST);
  assert.equal(formatCapabilities(c), expected);
});

test('capabilities built in code', () => {
  const cpu: HostCpu = {
    arch: 'aarch64',
    topology: { sockets: 1, cores: 4, threads: 1 },
    pages: [{ unit: 'KiB', size: 64 }],
  };
  const caps: Capabilities = {
    host: {
      cpu,
      migration_features: { live: true },
      secmodel: [{ model: 'none', doi: '0' }],
    },
    guest: [
      {
        os_type: 'hvm',
        arch: { name: 'aarch64', wordsize: 64, machine: [{ maxCpus: 512, value: 'virt' }], domain: [{ type: 'kvm' }] },
      },
    ],
  };
  assert.equal(
    formatCapabilities(caps),
    `<capabilities>
  <host>
    <cpu>
      <arch>aarch64</arch>
      <topology sockets='1' cores='4' threads='1'/>
      <pages unit='KiB' size='64'/>
    </cpu>
    <migration_features>
      <live/>
    </migration_features>
    <secmodel>
      <model>none</model>
      <doi>0</doi>
    </secmodel>
  </host>
  <guest>
    <os_type>hvm</os_type>
    <arch name='aarch64'>
      <wordsize>64</wordsize>
      <machine maxCpus='512'>virt</machine>
      <domain type='kvm'/>
    </arch>
  </guest>
</capabilities>
`,
  );
});

test('capabilities: unknown attributes and elements survive', () => {
  const xml = `<capabilities>
  <host>
    <cpu>
      <arch>x86_64</arch>
      <feature name='vme' extra='1'/>
      <future-thing a='b'/>
    </cpu>
    <topology>
      <cells num='1'>
        <cell id='0' color='blue'>
          <cpus num='0'/>
          <novel/>
        </cell>
      </cells>
    </topology>
  </host>
</capabilities>
`;
  const c = parseCapabilities(xml);
  assert.deepEqual(c.host!.cpu!.feature![0].name, 'vme');
  assert.equal(c.host!.topology!.cells!.cell![0].cpus!.num, 0);
  assert.equal(formatCapabilities(c), xml);
  assert.equal(formatCapabilities(JSON.parse(JSON.stringify(c))), xml);
});

// ---------------------------------------------------------------------------
// <domainCapabilities>

const DOMCAPS = `<domainCapabilities>
  <path>/usr/bin/qemu-system-x86_64</path>
  <domain>kvm</domain>
  <machine>pc-q35-10.0</machine>
  <arch>x86_64</arch>
  <vcpu max='4096'/>
  <iothreads supported='yes'/>
  <os supported='yes'>
    <enum name='firmware'>
      <value>bios</value>
      <value>efi</value>
    </enum>
    <loader supported='yes'>
      <value>/obviously/fake/firmware1.fd</value>
      <enum name='type'>
        <value>rom</value>
        <value>pflash</value>
      </enum>
      <enum name='secure'>
        <value>no</value>
      </enum>
    </loader>
  </os>
  <cpu>
    <mode name='host-passthrough' supported='yes'>
      <enum name='hostPassthroughMigratable'>
        <value>on</value>
        <value>off</value>
      </enum>
    </mode>
    <mode name='maximum' supported='no'/>
    <mode name='host-model' supported='yes'>
      <model fallback='forbid'>EPYC-Rome</model>
      <vendor>AMD</vendor>
      <maxphysaddr mode='passthrough' limit='64'/>
      <feature policy='require' name='x2apic'/>
      <feature policy='disable' name='xsaves'/>
    </mode>
    <mode name='custom' supported='yes'>
      <model usable='yes' vendor='unknown' canonical='486-v1'>486</model>
      <model usable='no' vendor='Intel' canonical='Broadwell-v1'>Broadwell</model>
      <blockers model='Broadwell'>
        <feature name='hle'/>
        <feature name='rtm'/>
      </blockers>
      <model usable='no' deprecated='yes' vendor='Intel'>Icelake-Client</model>
      <blockers model='Icelake-Client'>
        <feature name='avx512f'/>
      </blockers>
      <model usable='unknown' vendor='AMD'>EPYC</model>
    </mode>
  </cpu>
  <memoryBacking supported='yes'>
    <enum name='sourceType'>
      <value>file</value>
      <value>anonymous</value>
      <value>memfd</value>
    </enum>
  </memoryBacking>
  <devices>
    <disk supported='yes'>
      <enum name='diskDevice'>
        <value>disk</value>
        <value>cdrom</value>
      </enum>
      <enum name='model'/>
    </disk>
    <graphics supported='no'/>
    <tpm supported='yes'>
      <enum name='backendVersion'>
        <value>2.0</value>
      </enum>
    </tpm>
  </devices>
  <features>
    <gic supported='no'/>
    <vmcoreinfo supported='yes'/>
    <async-teardown supported='yes'/>
    <s390-pv supported='no'/>
    <sev supported='yes'>
      <cbitpos>51</cbitpos>
      <reducedPhysBits>1</reducedPhysBits>
      <maxGuests>59</maxGuests>
      <maxESGuests>450</maxESGuests>
      <cpu0Id>BlAwmcr4Ruya3YvEGe2EBx==</cpu0Id>
    </sev>
    <sgx supported='yes'>
      <flc>no</flc>
      <sgx1>yes</sgx1>
      <sgx2>no</sgx2>
      <section_size unit='KiB'>524288</section_size>
      <sections>
        <section node='0' size='262144' unit='KiB'/>
        <section node='1' size='262144' unit='KiB'/>
      </sections>
    </sgx>
    <launchSecurity supported='yes'>
      <enum name='sectype'>
        <value>sev</value>
      </enum>
    </launchSecurity>
  </features>
</domainCapabilities>
`;

test('domainCapabilities: typed top level, os, loader and enums', () => {
  const d = parseDomainCapabilities(DOMCAPS);
  assert.equal(d.path, '/usr/bin/qemu-system-x86_64');
  assert.equal(d.domain, 'kvm');
  assert.equal(d.machine, 'pc-q35-10.0');
  assert.equal(d.arch, 'x86_64');
  assert.deepEqual(d.vcpu, { max: 4096 });
  assert.deepEqual(d.iothreads, { supported: true });
  assert.deepEqual(d.os, {
    supported: true,
    enum: [{ name: 'firmware', value: ['bios', 'efi'] }],
    loader: {
      supported: true,
      value: ['/obviously/fake/firmware1.fd'],
      enum: [
        { name: 'type', value: ['rom', 'pflash'] },
        { name: 'secure', value: ['no'] },
      ],
    },
  });
  assert.deepEqual(d.memoryBacking, { supported: true, enum: [{ name: 'sourceType', value: ['file', 'anonymous', 'memfd'] }] });
  assert.deepEqual(d.devices!.disk, {
    supported: true,
    enum: [{ name: 'diskDevice', value: ['disk', 'cdrom'] }, { name: 'model' }],
  });
  assert.deepEqual(d.devices!.graphics, { supported: false });
  assert.deepEqual(d.devices!.tpm!.enum![0].value, ['2.0']);
  assert.equal(formatDomainCapabilities(d), DOMCAPS);
});

test('domainCapabilities: CPU modes are variants by name', () => {
  const d = parseDomainCapabilities(DOMCAPS);
  const [pt, max, hm, custom] = d.cpu!.mode!;
  assert.ok(pt.name === 'host-passthrough');
  assert.deepEqual(pt.enum, [{ name: 'hostPassthroughMigratable', value: ['on', 'off'] }]);
  assert.deepEqual(max, { name: 'maximum', supported: false });
  assert.ok(hm.name === 'host-model');
  assert.deepEqual(hm.model, { fallback: 'forbid', value: 'EPYC-Rome' });
  assert.deepEqual(hm.vendor, { value: 'AMD' });
  assert.deepEqual(hm.maxphysaddr, { mode: 'passthrough', limit: 64 });
  assert.deepEqual(hm.feature, [{ policy: 'require', name: 'x2apic' }, { policy: 'disable', name: 'xsaves' }]);
  assert.ok(custom.name === 'custom');
  assert.equal(custom.supported, true);
  assert.deepEqual(custom.model![0], { usable: 'yes', vendor: 'unknown', canonical: '486-v1', value: '486' });
  assert.deepEqual(custom.model![2], { usable: 'no', deprecated: true, vendor: 'Intel', value: 'Icelake-Client' });
  assert.equal(custom.model!.length, 4);
  assert.deepEqual(custom.blockers, [
    { model: 'Broadwell', feature: [{ name: 'hle' }, { name: 'rtm' }] },
    { model: 'Icelake-Client', feature: [{ name: 'avx512f' }] },
  ]);
});

test('domainCapabilities: typed SEV and SGX features', () => {
  const f = parseDomainCapabilities(DOMCAPS).features!;
  assert.deepEqual(f.gic, { supported: false });
  assert.deepEqual(f.asyncTeardown, { supported: true });
  assert.deepEqual(f.s390Pv, { supported: false });
  assert.deepEqual(f.sev, {
    supported: true,
    cbitpos: 51,
    reducedPhysBits: 1,
    maxGuests: 59,
    maxESGuests: 450,
    cpu0Id: 'BlAwmcr4Ruya3YvEGe2EBx==',
  });
  assert.deepEqual(f.sgx, {
    supported: true,
    flc: false,
    sgx1: true,
    sgx2: false,
    section_size: { unit: 'KiB', value: 524288 },
    sections: { section: [{ node: 0, size: 262144, unit: 'KiB' }, { node: 1, size: 262144, unit: 'KiB' }] },
  });
  assert.deepEqual(f.launchSecurity, { supported: true, enum: [{ name: 'sectype', value: ['sev'] }] });
});

test('domainCapabilities: edits keep the model/blockers interleaving and change only their spot', () => {
  const d = parseDomainCapabilities(DOMCAPS);
  const custom = d.cpu!.mode![3];
  assert.ok(custom.name === 'custom');
  custom.model![1].usable = 'yes';
  custom.blockers![1].feature![0].name = 'avx512bw';
  d.features!.sev!.maxGuests = 60;
  d.devices!.disk!.enum![0].value!.push('floppy');
  const expected = DOMCAPS.replace("<model usable='no' vendor='Intel' canonical='Broadwell-v1'>", "<model usable='yes' vendor='Intel' canonical='Broadwell-v1'>")
    .replace("<feature name='avx512f'/>", "<feature name='avx512bw'/>")
    .replace('<maxGuests>59</maxGuests>', '<maxGuests>60</maxGuests>')
    .replace('<value>cdrom</value>\n', '<value>cdrom</value>\n        <value>floppy</value>\n');
  assert.equal(formatDomainCapabilities(d), expected);
});

test('domainCapabilities built in code', () => {
  const custom: DomainCapsCpuMode = {
    name: 'custom',
    supported: true,
    model: [{ usable: 'no', vendor: 'Intel', value: 'Haswell' }],
    blockers: [{ model: 'Haswell', feature: [{ name: 'hle' }] }],
  };
  const caps: DomainCapabilities = {
    domain: 'qemu',
    arch: 'riscv64',
    vcpu: { max: 512 },
    cpu: { mode: [{ name: 'host-passthrough', supported: false }, custom] },
    devices: {
      rng: { supported: true, enum: [{ name: 'model', value: ['virtio'] }] },
      console: { supported: true, enum: [{ name: 'type', value: ['pty'] }] },
    },
    features: { tdx: { supported: false }, genid: { supported: false } },
  };
  assert.equal(
    formatDomainCapabilities(caps),
    `<domainCapabilities>
  <domain>qemu</domain>
  <arch>riscv64</arch>
  <vcpu max='512'/>
  <cpu>
    <mode name='host-passthrough' supported='no'/>
    <mode name='custom' supported='yes'>
      <model usable='no' vendor='Intel'>Haswell</model>
      <blockers model='Haswell'>
        <feature name='hle'/>
      </blockers>
    </mode>
  </cpu>
  <devices>
    <rng supported='yes'>
      <enum name='model'>
        <value>virtio</value>
      </enum>
    </rng>
    <console supported='yes'>
      <enum name='type'>
        <value>pty</value>
      </enum>
    </console>
  </devices>
  <features>
    <genid supported='no'/>
    <tdx supported='no'/>
  </features>
</domainCapabilities>
`,
  );
});

test('domainCapabilities: unknown attributes and elements survive', () => {
  const xml = `<domainCapabilities>
  <domain>kvm</domain>
  <arch>x86_64</arch>
  <devices>
    <disk supported='yes' hint='x'>
      <enum name='bus' kind='attr'>
        <value>virtio</value>
      </enum>
    </disk>
    <sound supported='yes'/>
  </devices>
  <features>
    <nested supported='yes'/>
  </features>
</domainCapabilities>
`;
  const d = parseDomainCapabilities(xml);
  assert.deepEqual(d.devices!.disk!.enum![0].value, ['virtio']);
  assert.equal(formatDomainCapabilities(d), xml);
  assert.equal(formatDomainCapabilities(JSON.parse(JSON.stringify(d))), xml);
});

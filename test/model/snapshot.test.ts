import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseDomainSnapshot, formatDomainSnapshot, parseDomainCheckpoint, formatDomainCheckpoint,
  parseDomainBackup, formatDomainBackup,
  type DomainSnapshot, type DomainCheckpoint, type DomainBackup,
} from '../../src/index.js';

// ---------------------------------------------------------------------------
// <domainsnapshot>

const SNAPSHOT = `<domainsnapshot>
  <name>before-upgrade</name>
  <description>Clean system</description>
  <state>running</state>
  <parent>
    <name>base</name>
  </parent>
  <creationTime>1272917631</creationTime>
  <memory snapshot='external' file='/var/lib/libvirt/qemu/snap.mem'/>
  <disks>
    <disk name='vda' snapshot='external' type='file'>
      <driver type='qcow2'>
        <metadata_cache>
          <max_size unit='bytes'>1234</max_size>
        </metadata_cache>
      </driver>
      <source file='/images/vda.snap'>
        <seclabel model='dac' relabel='no'/>
      </source>
    </disk>
    <disk name='vdb' snapshot='external' type='block'>
      <source dev='/dev/vg/snap'/>
    </disk>
    <disk name='vdc' snapshot='external' type='network'>
      <source protocol='nbd' name='export'>
        <host name='example.org' port='10809'/>
      </source>
    </disk>
    <disk name='hda' snapshot='no'/>
  </disks>
  <domain type='kvm'>
    <name>guest</name>
    <uuid>9d37b878-a7cc-9f9a-b78f-49b3abad25a8</uuid>
  </domain>
  <inactiveDomain type='kvm'>
    <name>guest</name>
  </inactiveDomain>
  <cookie>
    <cpu mode='custom' match='exact' check='full'>
      <model fallback='forbid'>qemu64</model>
    </cpu>
    <slirpHelper/>
  </cookie>
  <active>1</active>
</domainsnapshot>
`;

test('snapshot: typed values, disk source variants, embedded domains', () => {
  const s = parseDomainSnapshot(SNAPSHOT);
  assert.equal(s.name, 'before-upgrade');
  assert.equal(s.state, 'running');
  assert.deepEqual(s.parent, { name: 'base' });
  assert.equal(s.creationTime, 1272917631);
  assert.deepEqual(s.memory, { snapshot: 'external', file: '/var/lib/libvirt/qemu/snap.mem' });
  assert.equal(s.active, true);
  const [vda, vdb, vdc, hda] = s.disks!.disk!;
  assert.equal(vda.type, 'file');
  assert.deepEqual(vda.driver, { type: 'qcow2', metadata_cache: { max_size: { unit: 'bytes', value: 1234 } } });
  assert.ok(vda.type === 'file' || vda.type === undefined);
  assert.deepEqual(vda.source, { file: '/images/vda.snap', seclabel: [{ model: 'dac', relabel: false }] });
  assert.ok(vdb.type === 'block');
  assert.deepEqual(vdb.source, { dev: '/dev/vg/snap' });
  assert.ok(vdc.type === 'network');
  assert.equal(vdc.source?.protocol, 'nbd');
  assert.deepEqual(vdc.source?.host, [{ name: 'example.org', port: 10809 }]);
  assert.deepEqual(hda, { name: 'hda', snapshot: 'no' });
  assert.equal(s.domain?.type, 'kvm');
  assert.equal(s.domain?.uuid, '9d37b878-a7cc-9f9a-b78f-49b3abad25a8');
  assert.equal(s.inactiveDomain?.name, 'guest');
  assert.equal(s.cookie?.content?.filter((n) => typeof n !== 'string').length, 2);
  assert.equal(formatDomainSnapshot(s), SNAPSHOT);
});

test('snapshot: changing values changes exactly those places', () => {
  const s = parseDomainSnapshot(SNAPSHOT);
  s.description = 'Changed';
  s.active = false;
  const vdb = s.disks!.disk![1];
  assert.ok(vdb.type === 'block');
  vdb.source!.dev = '/dev/vg/other';
  s.inactiveDomain!.name = 'guest2';
  const expected = SNAPSHOT.replace('Clean system', 'Changed')
    .replace('<active>1</active>', '<active>0</active>')
    .replace('/dev/vg/snap', '/dev/vg/other')
    .replace("<inactiveDomain type='kvm'>\n    <name>guest</name>", "<inactiveDomain type='kvm'>\n    <name>guest2</name>");
  assert.equal(formatDomainSnapshot(s), expected);
});

test('snapshot: older snapshots hold only the domain uuid', () => {
  const xml = `<domainsnapshot>
  <name>old</name>
  <memory snapshot='internal'/>
  <domain>
    <uuid>9d37b878-a7cc-9f9a-b78f-49b3abad25a8</uuid>
  </domain>
</domainsnapshot>
`;
  const s = parseDomainSnapshot(xml);
  assert.deepEqual(s.domain, { uuid: '9d37b878-a7cc-9f9a-b78f-49b3abad25a8' });
  assert.equal(formatDomainSnapshot(s), xml);
});

test('snapshot: built in code, written in libvirt order', () => {
  const s: DomainSnapshot = {
    disks: {
      disk: [
        { name: 'vda', snapshot: 'external', type: 'file', source: { file: '/images/vda.overlay' }, driver: { type: 'qcow2' } },
        { name: 'vdb', snapshot: 'manual' },
      ],
    },
    revertDisks: { disk: [{ name: 'vda', snapshotDeleteInProgress: true }] },
    memory: { snapshot: 'no' },
    description: 'disk only',
    name: 'nightly',
  };
  assert.equal(
    formatDomainSnapshot(s),
    `<domainsnapshot>
  <name>nightly</name>
  <description>disk only</description>
  <memory snapshot='no'/>
  <disks>
    <disk name='vda' snapshot='external' type='file'>
      <driver type='qcow2'/>
      <source file='/images/vda.overlay'/>
    </disk>
    <disk name='vdb' snapshot='manual'/>
  </disks>
  <revertDisks>
    <disk name='vda'>
      <snapshotDeleteInProgress/>
    </disk>
  </revertDisks>
</domainsnapshot>
`,
  );
});

test('snapshot: unknown attributes and elements survive', () => {
  const xml = `<domainsnapshot version='2'>
  <name>x</name>
  <memory snapshot='internal' compress='yes'/>
  <disks>
    <disk name='vda' snapshot='external' type='file' future='1'>
      <source file='/a'/>
      <hint>fast</hint>
    </disk>
  </disks>
  <tag>blue</tag>
</domainsnapshot>
`;
  const s = parseDomainSnapshot(xml);
  assert.equal(s.memory?.snapshot, 'internal');
  assert.equal(s.disks?.disk?.[0].name, 'vda');
  assert.equal(formatDomainSnapshot(s), xml);
});

// ---------------------------------------------------------------------------
// <domaincheckpoint>

const CHECKPOINT = `<domaincheckpoint>
  <name>c2</name>
  <description>something fun</description>
  <parent>
    <name>c1</name>
  </parent>
  <creationTime>1553648510</creationTime>
  <disks>
    <disk name='vda' checkpoint='bitmap' bitmap='c2' size='1048576'/>
    <disk name='vdb' checkpoint='no'/>
  </disks>
  <domain type='qemu'>
    <name>guest</name>
  </domain>
</domaincheckpoint>
`;

test('checkpoint: typed values and the bitmap/no variants', () => {
  const c = parseDomainCheckpoint(CHECKPOINT);
  assert.equal(c.name, 'c2');
  assert.deepEqual(c.parent, { name: 'c1' });
  assert.equal(c.creationTime, 1553648510);
  const [vda, vdb] = c.disks!.disk!;
  assert.deepEqual(vda, { name: 'vda', checkpoint: 'bitmap', bitmap: 'c2', size: 1048576 });
  assert.deepEqual(vdb, { name: 'vdb', checkpoint: 'no' });
  assert.equal(c.domain?.name, 'guest');
  assert.equal(formatDomainCheckpoint(c), CHECKPOINT);
});

test('checkpoint: changing a value changes exactly that place', () => {
  const c = parseDomainCheckpoint(CHECKPOINT);
  const vda = c.disks!.disk![0];
  assert.ok(vda.checkpoint === 'bitmap' || vda.checkpoint === undefined);
  vda.size = 2097152;
  assert.equal(formatDomainCheckpoint(c), CHECKPOINT.replace("size='1048576'", "size='2097152'"));
});

test('checkpoint: built in code', () => {
  const c: DomainCheckpoint = {
    description: 'after install',
    disks: { disk: [{ name: 'vda' }, { name: 'vdb', checkpoint: 'no' }, { name: 'vdc', bitmap: 'b1' }] },
  };
  assert.equal(
    formatDomainCheckpoint(c),
    `<domaincheckpoint>
  <description>after install</description>
  <disks>
    <disk name='vda'/>
    <disk name='vdb' checkpoint='no'/>
    <disk name='vdc' bitmap='b1'/>
  </disks>
</domaincheckpoint>
`,
  );
});

test('checkpoint: unknown attributes and elements survive', () => {
  const xml = `<domaincheckpoint>
  <name>c1</name>
  <disks>
    <disk name='vda' checkpoint='bitmap' granularity='65536'/>
    <note/>
  </disks>
  <extra a='b'>text</extra>
</domaincheckpoint>
`;
  const c = parseDomainCheckpoint(xml);
  assert.equal(c.disks?.disk?.[0].name, 'vda');
  assert.equal(formatDomainCheckpoint(c), xml);
});

// ---------------------------------------------------------------------------
// <domainbackup>

const PULL = `<domainbackup mode='pull'>
  <incremental>1525889631</incremental>
  <server transport='tcp' tls='yes' name='localhost' port='10809'/>
  <disks>
    <disk name='vda' backup='yes' type='file' backupmode='incremental' incremental='1525889631' exportname='test-vda' exportbitmap='blah'>
      <driver type='qcow2'/>
      <scratch file='/path/to/file'>
        <encryption format='luks'>
          <secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/>
        </encryption>
      </scratch>
    </disk>
    <disk name='vdc' backup='yes' type='block' backupmode='full'>
      <scratch dev='/dev/block'>
        <seclabel model='dac' relabel='no'/>
      </scratch>
    </disk>
    <disk name='hda' backup='no'/>
  </disks>
</domainbackup>
`;

test('backup: pull mode with a TCP server, scratch files and block devices', () => {
  const b = parseDomainBackup(PULL);
  assert.ok(b.mode === 'pull');
  assert.equal(b.incremental, '1525889631');
  assert.deepEqual(b.server, { transport: 'tcp', tls: true, name: 'localhost', port: 10809 });
  const [vda, vdc, hda] = b.disks!.disk!;
  assert.equal(vda.backup, true);
  assert.equal(vda.backupmode, 'incremental');
  assert.equal(vda.exportname, 'test-vda');
  assert.equal(vda.exportbitmap, 'blah');
  assert.ok(vda.type === 'file' || vda.type === undefined);
  assert.deepEqual(vda.driver, { type: 'qcow2' });
  assert.deepEqual(vda.scratch, {
    file: '/path/to/file',
    encryption: { format: 'luks', secret: [{ type: 'passphrase', uuid: '0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f' }] },
  });
  assert.ok(vdc.type === 'block');
  assert.deepEqual(vdc.scratch, { dev: '/dev/block', seclabel: [{ model: 'dac', relabel: false }] });
  assert.deepEqual(hda, { name: 'hda', backup: false });
  assert.equal(formatDomainBackup(b), PULL);
});

test('backup: unix and fd servers', () => {
  for (const server of ["<server transport='unix' socket='/run/backup.sock'/>", "<server transport='fd' fdgroup='nbdfd'/>"]) {
    const xml = `<domainbackup mode='pull'>\n  ${server}\n</domainbackup>\n`;
    const b = parseDomainBackup(xml);
    assert.ok(b.mode === 'pull');
    if (b.server?.transport === 'unix') assert.equal(b.server.socket, '/run/backup.sock');
    else if (b.server?.transport === 'fd') assert.equal(b.server.fdgroup, 'nbdfd');
    else assert.fail('unexpected transport');
    assert.equal(formatDomainBackup(b), xml);
  }
});

test('backup: push mode and changing values', () => {
  const xml = `<domainbackup mode='push'>
  <disks>
    <disk name='vda' backup='yes' type='file' backupmode='full'>
      <driver type='raw'/>
      <target file='/backup/vda.raw'/>
    </disk>
    <disk name='vdb' type='block'>
      <target dev='/dev/sdz'/>
    </disk>
  </disks>
</domainbackup>
`;
  const b = parseDomainBackup(xml);
  assert.ok(b.mode === 'push' || b.mode === undefined);
  const [vda, vdb] = b.disks!.disk!;
  assert.ok(vda.type === 'file' || vda.type === undefined);
  assert.deepEqual(vda.target, { file: '/backup/vda.raw' });
  assert.ok(vdb.type === 'block');
  assert.deepEqual(vdb.target, { dev: '/dev/sdz' });
  vda.driver!.type = 'qcow2';
  vdb.target!.dev = '/dev/sdy';
  assert.equal(formatDomainBackup(b), xml.replace("type='raw'", "type='qcow2'").replace('/dev/sdz', '/dev/sdy'));
});

test('backup: built in code', () => {
  const b: DomainBackup = {
    mode: 'pull',
    incremental: 'cp1',
    server: { transport: 'unix', socket: '/run/nbd.sock' },
    disks: {
      disk: [
        { name: 'vda', type: 'file', exportname: 'vda', scratch: { file: '/tmp/vda.scratch' }, driver: { type: 'qcow2' } },
        { name: 'vdb', backup: false },
      ],
    },
  };
  assert.equal(
    formatDomainBackup(b),
    `<domainbackup mode='pull'>
  <incremental>cp1</incremental>
  <server transport='unix' socket='/run/nbd.sock'/>
  <disks>
    <disk name='vda' type='file' exportname='vda'>
      <driver type='qcow2'/>
      <scratch file='/tmp/vda.scratch'/>
    </disk>
    <disk name='vdb' backup='no'/>
  </disks>
</domainbackup>
`,
  );
});

test('backup: job status private data is typed', () => {
  const xml = `<domainbackup mode='pull'>
  <server transport='tcp' tls='yes' name='localhost'/>
  <disks>
    <disk name='vda' backup='yes' state='running' type='file' index='3'>
      <scratch file='/s'/>
    </disk>
  </disks>
  <privateData>
    <objects>
      <secret type='tlskey' alias='test-tlskey'/>
      <TLSx509 alias='test-tlsobj'/>
    </objects>
  </privateData>
</domainbackup>
`;
  const b = parseDomainBackup(xml);
  assert.equal(b.disks?.disk?.[0].state, 'running');
  assert.equal(b.disks?.disk?.[0].index, 3);
  assert.deepEqual(b.privateData, { objects: { secret: { type: 'tlskey', alias: 'test-tlskey' }, TLSx509: { alias: 'test-tlsobj' } } });
  assert.equal(formatDomainBackup(b), xml);
});

test('backup: unknown attributes and elements survive', () => {
  const xml = `<domainbackup mode='push' rate='5'>
  <disks>
    <disk name='vda' type='file' compress='zstd'>
      <target file='/b' preallocate='yes'/>
      <throttle/>
    </disk>
  </disks>
  <hook>x</hook>
</domainbackup>
`;
  const b = parseDomainBackup(xml);
  assert.equal(b.disks?.disk?.[0].name, 'vda');
  assert.equal(formatDomainBackup(b), xml);
});

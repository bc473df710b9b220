import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDomain, formatDomain, type Domain } from '../../src/index.js';
import type { BackingStore, Disk } from '../../src/model/domain/disk.js';
import type { Controller } from '../../src/model/domain/controller.js';
import type { Filesystem } from '../../src/model/domain/filesystem.js';
import type { Lease } from '../../src/model/domain/lease.js';
import type { Encryption } from '../../src/model/domain/encryption.js';
import { domWithDevices as dom } from '../support/domain.js';

function withDevices(devices: NonNullable<Domain['devices']>): Domain {
  return { type: 'kvm', name: 't', devices } as Domain;
}

test('file disk: typed driver, source, target, flags, boot and address', () => {
  const xml = dom(`
<disk type='file' device='disk' snapshot='no'>
  <driver name='qemu' type='qcow2' cache='none' io='native' ioeventfd='on' discard='unmap' iothread='2' queues='4'/>
  <source file='/var/lib/libvirt/images/a.qcow2' startupPolicy='optional' index='3'/>
  <target dev='vda' bus='virtio' rotation_rate='1'/>
  <readonly/>
  <shareable/>
  <serial>WD-1234</serial>
  <boot order='2'/>
  <alias name='virtio-disk0'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
</disk>`);
  const d = parseDomain(xml);
  const disk = d.devices!.disk![0];
  assert.equal(disk.type, 'file');
  assert.equal(disk.device, 'disk');
  assert.equal(disk.snapshot, 'no');
  assert.deepEqual(disk.driver, { name: 'qemu', type: 'qcow2', cache: 'none', io: 'native', ioeventfd: true, discard: 'unmap', iothread: 2, queues: 4 });
  assert.ok(disk.type === 'file' || disk.type === undefined);
  assert.deepEqual(disk.source, { file: '/var/lib/libvirt/images/a.qcow2', startupPolicy: 'optional', index: 3 });
  assert.deepEqual(disk.target, { dev: 'vda', bus: 'virtio', rotation_rate: 1 });
  assert.equal(disk.readonly, true);
  assert.equal(disk.shareable, true);
  assert.equal(disk.serial, 'WD-1234');
  assert.deepEqual(disk.boot, { order: 2 });
  assert.deepEqual(disk.address, { type: 'pci', domain: 0, bus: 0, slot: 4, function: 0 });
  assert.equal(formatDomain(d), xml);
});

test('changing one value changes exactly that spot', () => {
  const xml = dom(`
<disk type='block' device='lun' rawio='yes' sgio='unfiltered'>
  <driver name='qemu' type='raw' cache='directsync'/>
  <source dev='/dev/sdb'/>
  <target dev='sda' bus='scsi'/>
</disk>`);
  const d = parseDomain(xml);
  const disk = d.devices!.disk![0];
  assert.equal(disk.rawio, true);
  assert.equal(disk.sgio, 'unfiltered');
  assert.ok(disk.type === 'block');
  assert.equal(disk.source!.dev, '/dev/sdb');
  disk.source!.dev = '/dev/sdc';
  disk.driver!.cache = 'writeback';
  assert.equal(formatDomain(d), xml.replace('/dev/sdb', '/dev/sdc').replace('directsync', 'writeback'));
});

test('network disk: protocol variants, hosts, auth, tls and encryption', () => {
  const xml = dom(`
<disk type='network' device='disk'>
  <driver name='qemu' type='raw'/>
  <source protocol='rbd' name='pool/image'>
    <host name='mon1.example.org' port='6321'/>
    <host name='mon2.example.org' port='6322'/>
    <snapshot name='snap1'/>
    <config file='/etc/ceph/ceph.conf'/>
    <auth username='admin'>
      <secret type='ceph' usage='mycluster'/>
    </auth>
    <encryption format='luks2' engine='librbd'>
      <secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/>
    </encryption>
  </source>
  <target dev='vdb' bus='virtio'/>
</disk>
<disk type='network' device='disk'>
  <source protocol='nbd' name='export' tls='yes' tlsHostname='nbd.example.org'>
    <host transport='unix' socket='/run/nbd.sock'/>
    <reconnect delay='10'/>
  </source>
  <target dev='vdc' bus='virtio'/>
</disk>`);
  const d = parseDomain(xml);
  const [rbd, nbd] = d.devices!.disk!;
  assert.ok(rbd.type === 'network');
  const src = rbd.source!;
  assert.equal(src.protocol, 'rbd');
  assert.ok(src.protocol === 'rbd');
  assert.deepEqual(src.host, [
    { name: 'mon1.example.org', port: 6321 },
    { name: 'mon2.example.org', port: 6322 },
  ]);
  assert.deepEqual(src.snapshot, { name: 'snap1' });
  assert.deepEqual(src.config, { file: '/etc/ceph/ceph.conf' });
  assert.deepEqual(src.auth, { username: 'admin', secret: { type: 'ceph', usage: 'mycluster' } });
  assert.deepEqual(src.encryption, {
    format: 'luks2',
    engine: 'librbd',
    secret: [{ type: 'passphrase', uuid: '0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f' }],
  });
  assert.ok(nbd.type === 'network' && nbd.source!.protocol === 'nbd');
  assert.equal(nbd.source!.tls, true);
  assert.equal(nbd.source!.tlsHostname, 'nbd.example.org');
  assert.deepEqual(nbd.source!.host, [{ transport: 'unix', socket: '/run/nbd.sock' }]);
  assert.deepEqual(nbd.source!.reconnect, { delay: 10 });
  assert.equal(formatDomain(d), xml);
});

test('https source: query, ssl, cookies, readahead and timeout', () => {
  const xml = dom(`
<disk type='network' device='cdrom'>
  <driver name='qemu' type='raw'/>
  <source protocol='https' name='/images/a.iso' query='x=1'>
    <host name='www.example.org' port='443'/>
    <ssl verify='no'/>
    <cookies>
      <cookie name='session'>abc123</cookie>
    </cookies>
    <readahead size='65536'/>
    <timeout seconds='10'/>
  </source>
  <target dev='sda' bus='sata' tray='open'/>
  <readonly/>
</disk>`);
  const d = parseDomain(xml);
  const disk = d.devices!.disk![0];
  assert.ok(disk.type === 'network' && disk.source!.protocol === 'https');
  assert.equal(disk.source!.query, 'x=1');
  assert.deepEqual(disk.source!.ssl, { verify: false });
  assert.deepEqual(disk.source!.cookies, { cookie: [{ name: 'session', value: 'abc123' }] });
  assert.deepEqual(disk.source!.readahead, { size: 65536 });
  assert.deepEqual(disk.source!.timeout, { seconds: 10 });
  assert.equal(disk.target!.tray, 'open');
  assert.equal(formatDomain(d), xml);
});

test('backing chain is recursive, each store with its own type and format', () => {
  const xml = dom(`
<disk type='file' device='disk'>
  <driver name='qemu' type='qcow2'/>
  <source file='/img/top.qcow2' index='3'/>
  <backingStore type='block' index='2'>
    <format type='qcow2'/>
    <source dev='/dev/vg/mid'/>
    <backingStore type='network' index='1'>
      <format type='raw'/>
      <source protocol='nbd' name='base'>
        <host name='example.org' port='10809'/>
      </source>
      <backingStore/>
    </backingStore>
  </backingStore>
  <target dev='vda' bus='virtio'/>
</disk>`);
  const d = parseDomain(xml);
  const mid = d.devices!.disk![0].backingStore!;
  assert.equal(mid.type, 'block');
  assert.equal(mid.index, 2);
  assert.deepEqual(mid.format, { type: 'qcow2' });
  assert.ok(mid.type === 'block');
  assert.deepEqual(mid.source, { dev: '/dev/vg/mid' });
  const base = mid.backingStore!;
  assert.ok(base.type === 'network');
  assert.equal(base.source!.name, 'base');
  assert.deepEqual(base.backingStore, {});
  assert.equal(formatDomain(d), xml);
});

test('mirror, iotune, geometry, blockio, transient, dataStore and slices', () => {
  const xml = dom(`
<disk type='file' device='disk'>
  <driver name='qemu' type='qcow2'>
    <metadata_cache>
      <max_size unit='bytes'>1234</max_size>
    </metadata_cache>
  </driver>
  <source file='/img/a.qcow2'>
    <slices>
      <slice type='storage' offset='0' size='321'/>
    </slices>
    <dataStore type='file'>
      <format type='raw'/>
      <source file='/img/a.data'/>
    </dataStore>
  </source>
  <geometry cyls='16383' heads='16' secs='63' trans='lba'/>
  <blockio logical_block_size='512' physical_block_size='4096'/>
  <mirror type='file' file='/img/copy.qcow2' format='qcow2' job='copy' ready='yes'>
    <format type='qcow2'/>
    <source file='/img/copy.qcow2'/>
  </mirror>
  <target dev='vda' bus='virtio'/>
  <iotune>
    <total_bytes_sec>10000000</total_bytes_sec>
    <read_iops_sec>400</read_iops_sec>
    <group_name>g1</group_name>
  </iotune>
  <transient shareBacking='yes'/>
</disk>`);
  const d = parseDomain(xml);
  const disk = d.devices!.disk![0];
  assert.deepEqual(disk.driver!.metadata_cache, { max_size: { unit: 'bytes', value: 1234 } });
  assert.ok(disk.type === undefined || disk.type === 'file');
  assert.deepEqual(disk.source!.slices, { slice: [{ type: 'storage', offset: 0, size: 321 }] });
  assert.deepEqual(disk.source!.dataStore, { type: 'file', format: { type: 'raw' }, source: { file: '/img/a.data' } });
  assert.deepEqual(disk.geometry, { cyls: 16383, heads: 16, secs: 63, trans: 'lba' });
  assert.deepEqual(disk.blockio, { logical_block_size: 512, physical_block_size: 4096 });
  const m = disk.mirror!;
  assert.equal(m.file, '/img/copy.qcow2');
  assert.equal(m.format, 'qcow2');
  assert.equal(m.ready, 'yes');
  assert.deepEqual(m.imageFormat, { type: 'qcow2' });
  assert.deepEqual(disk.iotune, { total_bytes_sec: 10000000, read_iops_sec: 400, group_name: 'g1' });
  assert.deepEqual(disk.transient, { shareBacking: true });
  assert.equal(formatDomain(d), xml);
});

test('a disk built in code formats in libvirt order', () => {
  const disk: Disk = {
    type: 'volume',
    device: 'disk',
    target: { dev: 'sdb', bus: 'scsi' },
    source: { pool: 'default', volume: 'data.img', mode: 'host' },
    driver: { name: 'qemu', type: 'raw', detect_zeroes: 'unmap', error_policy: 'enospace' },
    encryption: { format: 'luks', secret: [{ type: 'passphrase', usage: 'vol' }] },
    wwn: '5000c50015ea71ad',
    address: { type: 'drive', controller: 0, bus: 0, target: 0, unit: 1 },
  };
  const out = formatDomain(withDevices({ disk: [disk] }));
  assert.equal(
    out,
    dom(`
<disk type='volume' device='disk'>
  <driver name='qemu' type='raw' error_policy='enospace' detect_zeroes='unmap'/>
  <source pool='default' volume='data.img' mode='host'/>
  <target dev='sdb' bus='scsi'/>
  <wwn>5000c50015ea71ad</wwn>
  <encryption format='luks'>
    <secret type='passphrase' usage='vol'/>
  </encryption>
  <address type='drive' controller='0' bus='0' target='0' unit='1'/>
</disk>`),
  );
  const chain: BackingStore = { type: 'file', format: { type: 'qcow2' }, source: { file: '/b.qcow2' }, backingStore: {} };
  const nvme: Disk = {
    type: 'nvme',
    device: 'disk',
    source: { type: 'pci', managed: true, namespace: 1, address: { domain: 0, bus: 1, slot: 0, function: 0 } },
    backingStore: chain,
    target: { dev: 'vde', bus: 'virtio' },
  };
  assert.equal(
    formatDomain(withDevices({ disk: [nvme] })),
    dom(`
<disk type='nvme' device='disk'>
  <source type='pci' managed='yes' namespace='1'>
    <address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/>
  </source>
  <backingStore type='file'>
    <format type='qcow2'/>
    <source file='/b.qcow2'/>
    <backingStore/>
  </backingStore>
  <target dev='vde' bus='virtio'/>
</disk>`),
  );
});

test('driver iothread mapping and statistics', () => {
  const xml = dom(`
<disk type='file' device='disk'>
  <driver name='qemu' type='raw' queues='2'>
    <iothreads>
      <iothread id='1'>
        <queue id='0'/>
      </iothread>
      <iothread id='2'>
        <queue id='1'/>
      </iothread>
    </iothreads>
    <statistics>
      <statistic interval='1'/>
      <statistic interval='10'/>
      <latency-histogram type='read'>
        <bin start='0'/>
        <bin start='1000'/>
      </latency-histogram>
    </statistics>
  </driver>
  <source file='/a.img'/>
  <target dev='vda' bus='virtio'/>
</disk>`);
  const d = parseDomain(xml);
  const drv = d.devices!.disk![0].driver!;
  assert.deepEqual(drv.iothreads, {
    iothread: [
      { id: 1, queue: [{ id: 0 }] },
      { id: 2, queue: [{ id: 1 }] },
    ],
  });
  assert.deepEqual(drv.statistics, {
    statistic: [{ interval: 1 }, { interval: 10 }],
    latencyHistogram: [{ type: 'read', bin: [{ start: 0 }, { start: 1000 }] }],
  });
  assert.equal(formatDomain(d), xml);
});

test('unknown attributes and elements inside a disk survive', () => {
  const xml = dom(`
<disk type='file' device='disk' future='1'>
  <driver name='qemu' type='raw' newopt='x'/>
  <source file='/a.img'>
    <novel kind='y'/>
  </source>
  <target dev='vda' bus='virtio'/>
  <gadget>text</gadget>
</disk>`);
  const d = parseDomain(xml);
  const disk = d.devices!.disk![0];
  assert.deepEqual(disk.$xml?.attrs, { future: '1' });
  assert.deepEqual(disk.driver!.$xml?.attrs, { newopt: 'x' });
  assert.equal(formatDomain(d), xml);
});

test('encryption with cipher and ivgen', () => {
  const enc: Encryption = {
    format: 'luks',
    secret: [{ type: 'passphrase', uuid: '0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f' }],
    cipher: { name: 'aes', size: 256, mode: 'cbc', hash: 'sha256' },
    ivgen: { name: 'plain64', hash: 'sha256' },
  };
  const disk: Disk = { device: 'disk', source: { file: '/e.img', encryption: enc }, target: { dev: 'vda' } };
  const xml = dom(`
<disk device='disk'>
  <source file='/e.img'>
    <encryption format='luks'>
      <secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/>
      <cipher name='aes' size='256' mode='cbc' hash='sha256'/>
      <ivgen name='plain64' hash='sha256'/>
    </encryption>
  </source>
  <target dev='vda'/>
</disk>`);
  assert.equal(formatDomain(withDevices({ disk: [disk] })), xml);
  assert.deepEqual(parseDomain(xml).devices!.disk![0], disk);
});

test('controllers: type variants, pci model name and target, usb master, driver', () => {
  const xml = dom(`
<controller type='pci' index='1' model='pcie-root-port'>
  <model name='pcie-root-port'/>
  <target chassis='1' port='0x10' hotplug='off'/>
  <alias name='pci.1'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x02' function='0x0' multifunction='on'/>
</controller>
<controller type='usb' index='0' model='ich9-uhci1'>
  <master startport='0'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x1d' function='0x0'/>
</controller>
<controller type='scsi' index='0' model='virtio-scsi'>
  <driver queues='4' cmd_per_lun='8' iothread='1'>
    <iothreads>
      <iothread id='1'>
        <queue id='0'/>
      </iothread>
    </iothreads>
  </driver>
</controller>
<controller type='virtio-serial' index='0' ports='16' vectors='4'/>
<controller type='xenbus' index='0' maxGrantFrames='64'/>
<controller type='pci' index='0' model='pcie-root'>
  <pcihole64 unit='KiB'>1048576</pcihole64>
</controller>`);
  const d = parseDomain(xml);
  const [pci, usb, scsi, vser, xen, root] = d.devices!.controller!;
  assert.ok(pci.type === 'pci');
  assert.equal(pci.index, 1);
  assert.equal(pci.model, 'pcie-root-port');
  assert.deepEqual(pci.modelName, { name: 'pcie-root-port' });
  assert.deepEqual(pci.target, { chassis: 1, port: 16, hotplug: false });
  assert.ok(usb.type === 'usb');
  assert.deepEqual(usb.master, { startport: 0 });
  assert.ok(scsi.type === 'scsi');
  assert.deepEqual(scsi.driver, { queues: 4, cmd_per_lun: 8, iothread: 1, iothreads: { iothread: [{ id: 1, queue: [{ id: 0 }] }] } });
  assert.ok(vser.type === 'virtio-serial');
  assert.equal(vser.ports, 16);
  assert.equal(vser.vectors, 4);
  assert.ok(xen.type === 'xenbus');
  assert.equal(xen.maxGrantFrames, 64);
  assert.ok(root.type === 'pci');
  assert.deepEqual(root.pcihole64, { unit: 'KiB', value: 1048576 });
  pci.target!.port = 0x11;
  assert.equal(formatDomain(d), xml.replace("port='0x10'", "port='0x11'"));
});

test('a controller built in code', () => {
  const c: Controller = {
    type: 'pci',
    index: 3,
    model: 'pcie-expander-bus',
    modelName: { name: 'pxb-pcie' },
    target: { busNr: 254, node: 1 },
  };
  assert.equal(
    formatDomain(withDevices({ controller: [c] })),
    dom(`
<controller type='pci' index='3' model='pcie-expander-bus'>
  <model name='pxb-pcie'/>
  <target busNr='254'>
    <node>1</node>
  </target>
</controller>`),
  );
});

test('lease: lockspace, key and target', () => {
  const xml = dom(`
<lease>
  <lockspace>somearea</lockspace>
  <key>thequickbrownfoxjumpedoverthelazydog</key>
  <target path='/some/lease/path' offset='1024'/>
</lease>`);
  const d = parseDomain(xml);
  const expected: Lease = {
    lockspace: 'somearea',
    key: 'thequickbrownfoxjumpedoverthelazydog',
    target: { path: '/some/lease/path', offset: 1024 },
  };
  assert.deepEqual(d.devices!.lease, [expected]);
  assert.equal(formatDomain(withDevices({ lease: [expected] })), xml);
});

test('filesystems: virtiofs with binary options and idmap, ram, template with limits', () => {
  const xml = dom(`
<filesystem type='mount' accessmode='passthrough'>
  <driver type='virtiofs' queue='1024'/>
  <binary path='/usr/libexec/virtiofsd' xattr='on'>
    <cache mode='always'/>
    <sandbox mode='chroot'/>
    <lock posix='on' flock='off'/>
    <thread_pool size='16'/>
    <openfiles max='4096'/>
  </binary>
  <idmap>
    <uid start='0' target='100000' count='65535'/>
  </idmap>
  <source dir='/srv/share'/>
  <target dir='share'/>
  <readonly/>
  <boot order='1'/>
</filesystem>
<filesystem type='ram' accessmode='passthrough'>
  <source usage='1024' units='MiB'/>
  <target dir='/mnt/ram'/>
</filesystem>
<filesystem type='template' accessmode='passthrough'>
  <source name='ubuntu'/>
  <target dir='/'/>
  <space_hard_limit unit='KiB'>1048576</space_hard_limit>
  <space_soft_limit unit='KiB'>524288</space_soft_limit>
</filesystem>
<filesystem type='mount' accessmode='mapped' fmode='0644' dmode='0755'>
  <driver type='path' wrpolicy='immediate'/>
  <source dir='/export'/>
  <target dir='tag'/>
</filesystem>`);
  const d = parseDomain(xml);
  const [vfs, ram, tpl, ninep] = d.devices!.filesystem!;
  assert.ok(vfs.type === 'mount');
  assert.deepEqual(vfs.driver, { type: 'virtiofs', queue: 1024 });
  assert.deepEqual(vfs.binary, {
    path: '/usr/libexec/virtiofsd',
    xattr: true,
    cache: { mode: 'always' },
    sandbox: { mode: 'chroot' },
    lock: { posix: true, flock: false },
    thread_pool: { size: 16 },
    openfiles: { max: 4096 },
  });
  assert.deepEqual(vfs.idmap, { uid: [{ start: 0, target: 100000, count: 65535 }] });
  assert.deepEqual(vfs.source, { dir: '/srv/share' });
  assert.equal(vfs.readonly, true);
  assert.ok(ram.type === 'ram');
  assert.deepEqual(ram.source, { usage: 1024, units: 'MiB' });
  assert.ok(tpl.type === 'template');
  assert.deepEqual(tpl.space_hard_limit, { unit: 'KiB', value: 1048576 });
  assert.equal(ninep.fmode, '0644');
  assert.equal(ninep.accessmode, 'mapped');
  assert.equal(formatDomain(d), xml);
});

test('a filesystem built in code', () => {
  const fs: Filesystem = {
    type: 'block',
    accessmode: 'passthrough',
    driver: { type: 'loop', format: 'raw' },
    source: { dev: '/dev/sdc1' },
    target: { dir: '/mnt' },
    address: { type: 'pci', domain: 0, bus: 0, slot: 5, function: 0 },
  };
  assert.equal(
    formatDomain(withDevices({ filesystem: [fs] })),
    dom(`
<filesystem type='block' accessmode='passthrough'>
  <driver type='loop' format='raw'/>
  <source dev='/dev/sdc1'/>
  <target dir='/mnt'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
</filesystem>`),
  );
});

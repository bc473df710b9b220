import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parsePool,
  formatPool,
  parseVolume,
  formatVolume,
  parseStoragePoolCapabilities,
  formatStoragePoolCapabilities,
  type Pool,
  type Volume,
  type StoragePoolCapabilities,
} from '../../src/index.js';

test('netfs pool: typed sizes, source, permissions and the fs namespace', () => {
  const xml = `<pool type='netfs' xmlns:fs='http://libvirt.org/schemas/storagepool/fs/1.0'>
  <name>nfsimages</name>
  <uuid>7641d5a8-af11-f730-a34e-0a7dfcede71f</uuid>
  <capacity unit='bytes'>1099511627776</capacity>
  <allocation unit='bytes'>4096</allocation>
  <available unit='bytes'>0</available>
  <source>
    <host name='nfs.example.com' port='2049'/>
    <dir path='/exports/images'/>
    <format type='nfs'/>
    <protocol ver='4.1'/>
  </source>
  <target>
    <path>/mnt</path>
    <permissions>
      <mode>0755</mode>
      <owner>107</owner>
      <group>-1</group>
      <label>virt_image_t</label>
    </permissions>
  </target>
  <fs:mount_opts>
    <fs:option name='sync'/>
    <fs:option name='lazytime'/>
  </fs:mount_opts>
</pool>
`;
  const p = parsePool(xml);
  assert.equal(p.type, 'netfs');
  assert.equal(p.name, 'nfsimages');
  assert.equal(p.uuid, '7641d5a8-af11-f730-a34e-0a7dfcede71f');
  assert.deepEqual(p.capacity, { unit: 'bytes', value: 1099511627776 });
  assert.deepEqual(p.allocation, { unit: 'bytes', value: 4096 });
  assert.ok(p.type === 'netfs');
  assert.deepEqual(p.source, {
    host: [{ name: 'nfs.example.com', port: 2049 }],
    dir: { path: '/exports/images' },
    format: { type: 'nfs' },
    protocol: { ver: '4.1' },
  });
  assert.deepEqual(p.target, { path: '/mnt', permissions: { mode: 0o755, owner: 107, group: -1, label: 'virt_image_t' } });
  assert.deepEqual(p.mount_opts, { option: [{ name: 'sync' }, { name: 'lazytime' }] });
  assert.equal(formatPool(p), xml);
});

test('changing a pool value changes exactly that spot', () => {
  const xml = `<pool type='dir'>
  <name>default</name>
  <features>
    <cow state='no'/>
  </features>
  <target>
    <path>/var/lib/libvirt/images</path>
    <permissions>
      <mode>0711</mode>
    </permissions>
  </target>
</pool>
`;
  const p = parsePool(xml);
  assert.ok(p.type === 'dir');
  assert.equal(p.features?.cow?.state, false);
  assert.equal(p.target?.permissions?.mode, 0o711);
  p.target!.permissions!.mode = 0o700;
  p.features!.cow!.state = true;
  assert.equal(formatPool(p), xml.replace('0711', '0700').replace("state='no'", "state='yes'"));
});

test('rbd pool: hosts, cephx auth, refresh override and rbd config options', () => {
  const xml = `<pool type='rbd' xmlns:rbd='http://libvirt.org/schemas/storagepool/rbd/1.0'>
  <name>ceph</name>
  <source>
    <host name='mon1' port='6789'/>
    <host name='2001:db8::1' port='6789'/>
    <name>rbdpool</name>
    <auth type='ceph' username='admin'>
      <secret uuid='2ec115d7-3a88-3ceb-bc12-0ac909a6fd87'/>
    </auth>
  </source>
  <refresh>
    <volume allocation='capacity'/>
  </refresh>
  <rbd:config_opts>
    <rbd:option name='client_mount_timeout' value='45'/>
  </rbd:config_opts>
</pool>
`;
  const p = parsePool(xml);
  assert.ok(p.type === 'rbd');
  assert.equal(p.source?.host?.length, 2);
  assert.deepEqual(p.source?.host?.[1], { name: '2001:db8::1', port: 6789 });
  assert.equal(p.source?.name, 'rbdpool');
  assert.deepEqual(p.source?.auth, { type: 'ceph', username: 'admin', secret: { uuid: '2ec115d7-3a88-3ceb-bc12-0ac909a6fd87' } });
  assert.deepEqual(p.refresh, { volume: { allocation: 'capacity' } });
  assert.deepEqual(p.config_opts, { option: [{ name: 'client_mount_timeout', value: '45' }] });
  assert.equal(formatPool(p), xml);
});

test('scsi pools: scsi_host adapter by parent PCI address, and an fc_host vHBA', () => {
  const xml = `<pool type='scsi'>
  <name>hba0</name>
  <source>
    <adapter type='scsi_host'>
      <parentaddr unique_id='5'>
        <address domain='0x0000' bus='0x00' slot='0x1f' function='0x2'/>
      </parentaddr>
    </adapter>
  </source>
  <target>
    <path>/dev/disk/by-path</path>
  </target>
</pool>
`;
  const p = parsePool(xml);
  assert.ok(p.type === 'scsi');
  const a = p.source!.adapter!;
  assert.ok(a.type === 'scsi_host' || a.type === undefined);
  assert.deepEqual(a.parentaddr, { unique_id: 5, address: { domain: 0, bus: 0, slot: 0x1f, function: 2 } });
  assert.equal(formatPool(p), xml);

  const fc = parsePool(`<pool type='scsi'>
  <name>vhba</name>
  <source>
    <adapter type='fc_host' parent='scsi_host5' managed='yes' wwnn='20000000c9831b4b' wwpn='10000000c9831b4b'/>
  </source>
  <target>
    <path>/dev/disk/by-path</path>
  </target>
</pool>
`);
  assert.ok(fc.type === 'scsi');
  assert.deepEqual(fc.source?.adapter, { type: 'fc_host', parent: 'scsi_host5', managed: true, wwnn: '20000000c9831b4b', wwpn: '10000000c9831b4b' });
});

test('logical, disk and iscsi-direct sources: devices with extents, partition separator, initiator', () => {
  const logical = parsePool(`<pool type='logical'>
  <source>
    <device path='/dev/sdb1'>
      <freeExtent start='1048576' end='2097152'/>
    </device>
    <device path='/dev/sdb2'/>
    <name>HostVG</name>
    <format type='lvm2'/>
  </source>
  <target>
    <path>/dev/HostVG</path>
  </target>
</pool>
`);
  assert.ok(logical.type === 'logical');
  assert.equal(logical.name, undefined);
  assert.deepEqual(logical.source?.device, [
    { path: '/dev/sdb1', freeExtent: [{ start: 1048576, end: 2097152 }] },
    { path: '/dev/sdb2' },
  ]);
  assert.equal(logical.source?.name, 'HostVG');
  assert.deepEqual(logical.source?.format, { type: 'lvm2' });

  const disk = parsePool(`<pool type='disk'>
  <name>mp</name>
  <source>
    <device path='/dev/mapper/mpatha' part_separator='no'/>
    <format type='gpt'/>
  </source>
  <target>
    <path>/dev</path>
  </target>
</pool>
`);
  assert.ok(disk.type === 'disk');
  assert.deepEqual(disk.source?.device, { path: '/dev/mapper/mpatha', part_separator: false });

  const direct = parsePool(`<pool type='iscsi-direct'>
  <name>d</name>
  <source>
    <host name='iscsi.example.com'/>
    <device path='iqn.2013-06.com.example:iscsi-pool'/>
    <initiator>
      <iqn name='iqn.2013-06.com.example:iscsi-initiator'/>
    </initiator>
    <auth type='chap' username='me'>
      <secret usage='libvirtiscsi'/>
    </auth>
  </source>
</pool>
`);
  assert.ok(direct.type === 'iscsi-direct');
  assert.deepEqual(direct.source?.initiator, { iqn: { name: 'iqn.2013-06.com.example:iscsi-initiator' } });
  assert.deepEqual(direct.source?.auth, { type: 'chap', username: 'me', secret: { usage: 'libvirtiscsi' } });
});

test('a pool built in code formats as libvirt writes it', () => {
  const p: Pool = {
    type: 'iscsi',
    name: 'virtimages',
    uuid: 'e9392370-2917-565e-692b-d057f46512d6',
    capacity: { unit: 'bytes', value: 0 },
    source: {
      host: [{ name: 'iscsi.example.com' }],
      device: { path: 'iqn.2013-06.com.example:iscsi-pool' },
      auth: { type: 'chap', username: 'admin', secret: { usage: 'mycluster' } },
      vendor: { name: 'Acme' },
      product: { name: 'model' },
    },
    target: { path: '/dev/disk/by-path', permissions: { mode: 0o700, owner: 0, group: 0 } },
  };
  assert.equal(
    formatPool(p),
    `<pool type='iscsi'>
  <name>virtimages</name>
  <uuid>e9392370-2917-565e-692b-d057f46512d6</uuid>
  <capacity unit='bytes'>0</capacity>
  <source>
    <host name='iscsi.example.com'/>
    <device path='iqn.2013-06.com.example:iscsi-pool'/>
    <auth type='chap' username='admin'>
      <secret usage='mycluster'/>
    </auth>
    <vendor name='Acme'/>
    <product name='model'/>
  </source>
  <target>
    <path>/dev/disk/by-path</path>
    <permissions>
      <mode>0700</mode>
      <owner>0</owner>
      <group>0</group>
    </permissions>
  </target>
</pool>
`,
  );

  // A namespaced extension added in code declares its namespace where it is written.
  const fs: Pool = {
    type: 'fs',
    name: 'images',
    source: { device: { path: '/dev/sda6' }, format: { type: 'ext4' } },
    target: { path: '/mnt' },
    mount_opts: { option: [{ name: 'noatime' }] },
  };
  assert.equal(
    formatPool(fs),
    `<pool type='fs'>
  <name>images</name>
  <source>
    <device path='/dev/sda6'/>
    <format type='ext4'/>
  </source>
  <target>
    <path>/mnt</path>
  </target>
  <fs:mount_opts xmlns:fs='http://libvirt.org/schemas/storagepool/fs/1.0'>
    <fs:option name='noatime'/>
  </fs:mount_opts>
</pool>
`,
  );
});

test('unknown attributes and elements inside pool elements survive', () => {
  const xml = `<pool type='gluster' future='1'>
  <name>g</name>
  <source>
    <host name='localhost' transport='rdma'/>
    <dir path='/sub'/>
    <name>volume</name>
    <newthing a='b'/>
  </source>
  <extra>text</extra>
</pool>
`;
  const p = parsePool(xml);
  assert.ok(p.type === 'gluster');
  assert.deepEqual(p.source?.dir, { path: '/sub' });
  assert.equal(formatPool(p), xml);
});

test('volume: sizes in bytes, target format, permissions, timestamps, encryption and qcow2 features', () => {
  const xml = `<volume type='file'>
  <name>a.qcow2</name>
  <key>/var/lib/libvirt/images/a.qcow2</key>
  <capacity unit='bytes'>5368709120</capacity>
  <allocation unit='bytes'>294912</allocation>
  <physical unit='bytes'>327680</physical>
  <target>
    <path>/var/lib/libvirt/images/a.qcow2</path>
    <format type='qcow2'/>
    <permissions>
      <mode>0600</mode>
      <owner>107</owner>
      <group>107</group>
    </permissions>
    <timestamps>
      <atime>1341933637.273190990</atime>
      <mtime>1341930622</mtime>
    </timestamps>
    <encryption format='luks'>
      <secret type='passphrase' uuid='f52a81b2-424e-490c-823d-6bd4235bc572'/>
      <cipher name='aes' size='256' mode='xts' hash='sha256'/>
      <ivgen name='plain64' hash='sha256'/>
    </encryption>
    <compat>1.1</compat>
    <clusterSize unit='B'>65536</clusterSize>
    <features>
      <lazy_refcounts/>
      <extended_l2/>
    </features>
  </target>
  <backingStore>
    <path>/var/lib/libvirt/images/base.raw</path>
    <format type='raw'/>
  </backingStore>
</volume>
`;
  const v = parseVolume(xml);
  assert.equal(v.type, 'file');
  assert.equal(v.name, 'a.qcow2');
  assert.equal(v.key, '/var/lib/libvirt/images/a.qcow2');
  assert.deepEqual(v.capacity, { unit: 'bytes', value: 5368709120 });
  assert.deepEqual(v.physical, { unit: 'bytes', value: 327680 });
  const tg = v.target!;
  assert.deepEqual(tg.format, { type: 'qcow2' });
  assert.deepEqual(tg.permissions, { mode: 0o600, owner: 107, group: 107 });
  assert.deepEqual(tg.timestamps, { atime: '1341933637.273190990', mtime: '1341930622' });
  assert.equal(tg.encryption?.format, 'luks');
  assert.deepEqual(tg.encryption?.cipher, { name: 'aes', size: 256, mode: 'xts', hash: 'sha256' });
  assert.equal(tg.compat, '1.1');
  assert.deepEqual(tg.clusterSize, { unit: 'B', value: 65536 });
  assert.deepEqual(tg.features, { lazy_refcounts: true, extended_l2: true });
  assert.deepEqual(v.backingStore, { path: '/var/lib/libvirt/images/base.raw', format: { type: 'raw' } });
  assert.equal(formatVolume(v), xml);

  v.capacity!.value = 10737418240;
  assert.equal(formatVolume(v), xml.replace('5368709120', '10737418240'));
});

test('volume: unitless sizes, source extents, nocow, and a volume built in code', () => {
  const v = parseVolume(`<volume>
  <name>lv</name>
  <source>
    <device path='/dev/sdb1'>
      <extent start='0' end='1073741824'/>
    </device>
  </source>
  <capacity unit='G'>1</capacity>
  <allocation>294912</allocation>
  <target>
    <nocow/>
  </target>
</volume>
`);
  assert.equal(v.type, undefined);
  assert.deepEqual(v.source, { device: [{ path: '/dev/sdb1', extent: [{ start: 0, end: 1073741824 }] }] });
  assert.deepEqual(v.capacity, { unit: 'G', value: 1 });
  assert.deepEqual(v.allocation, { value: 294912 });
  assert.equal(v.target?.nocow, true);

  const built: Volume = {
    name: 'new.img',
    capacity: { unit: 'GiB', value: 10 },
    allocation: { value: 0 },
    target: {
      format: { type: 'qcow2' },
      permissions: { mode: 0o644, owner: -1, label: 'virt_image_t' },
      compat: '1.1',
      features: { lazy_refcounts: true },
    },
  };
  assert.equal(
    formatVolume(built),
    `<volume>
  <name>new.img</name>
  <capacity unit='GiB'>10</capacity>
  <allocation>0</allocation>
  <target>
    <format type='qcow2'/>
    <permissions>
      <mode>0644</mode>
      <owner>-1</owner>
      <label>virt_image_t</label>
    </permissions>
    <compat>1.1</compat>
    <features>
      <lazy_refcounts/>
    </features>
  </target>
</volume>
`,
  );
});

test('unknown nodes inside volume elements survive; other mode spellings are kept', () => {
  const xml = `<volume type='block' extra='x'>
  <name>sda1</name>
  <target>
    <path>/dev/sda1</path>
    <format type='none' flavour='new'/>
    <permissions>
      <mode>660</mode>
    </permissions>
    <future/>
  </target>
</volume>
`;
  const v = parseVolume(xml);
  assert.equal(v.target?.permissions?.mode, 0o660);
  assert.equal(formatVolume(v), xml);
});

test('storage pool capabilities: pool types, default formats and enums', () => {
  const xml = `<storagepoolCapabilities>
  <pool type='disk' supported='yes'>
    <poolOptions>
      <defaultFormat type='unknown'/>
      <enum name='sourceFormatType'>
        <value>unknown</value>
        <value>dos</value>
      </enum>
    </poolOptions>
    <volOptions>
      <defaultFormat type='none'/>
      <enum name='targetFormatType'>
        <value>none</value>
        <value>linux</value>
      </enum>
    </volOptions>
  </pool>
  <pool type='iscsi' supported='no'/>
</storagepoolCapabilities>
`;
  const c = parseStoragePoolCapabilities(xml);
  assert.equal(c.pool?.length, 2);
  const disk = c.pool![0];
  assert.equal(disk.type, 'disk');
  assert.equal(disk.supported, true);
  assert.deepEqual(disk.poolOptions, { defaultFormat: { type: 'unknown' }, enum: [{ name: 'sourceFormatType', value: ['unknown', 'dos'] }] });
  assert.deepEqual(disk.volOptions?.enum?.[0].value, ['none', 'linux']);
  assert.deepEqual(c.pool![1], { type: 'iscsi', supported: false });
  assert.equal(formatStoragePoolCapabilities(c), xml);

  const built: StoragePoolCapabilities = {
    pool: [{ type: 'rbd', supported: true, volOptions: { defaultFormat: { type: 'raw' }, enum: [{ name: 'targetFormatType', value: ['raw'] }] } }],
  };
  assert.equal(
    formatStoragePoolCapabilities(built),
    `<storagepoolCapabilities>
  <pool type='rbd' supported='yes'>
    <volOptions>
      <defaultFormat type='raw'/>
      <enum name='targetFormatType'>
        <value>raw</value>
      </enum>
    </volOptions>
  </pool>
</storagepoolCapabilities>
`,
  );
});

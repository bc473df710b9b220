import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNodeDevice, formatNodeDevice, type NodeDevice } from '../../src/index.js';

const pciXml = `<device>
  <name>pci_0000_42_00_0</name>
  <path>/sys/devices/pci0000:40/0000:40:01.1/0000:42:00.0</path>
  <parent>pci_0000_40_01_1</parent>
  <driver>
    <name>mlx5_core</name>
  </driver>
  <capability type='pci'>
    <class>0x020000</class>
    <domain>0</domain>
    <bus>66</bus>
    <slot>0</slot>
    <function>0</function>
    <product id='0xa2d6'>ConnectX-6 Dx</product>
    <vendor id='0x15b3'>Mellanox Technologies</vendor>
    <capability type='virt_functions' maxCount='16'>
      <address domain='0x0000' bus='0x42' slot='0x00' function='0x2'/>
    </capability>
    <capability type='pci-bridge'/>
    <capability type='mdev_types'>
      <type id='nvidia-11'>
        <name>GRID M60-0B</name>
        <deviceAPI>vfio-pci</deviceAPI>
        <availableInstances>16</availableInstances>
      </type>
    </capability>
    <capability type='vpd'>
      <name>BlueField-2 DPU</name>
      <fields access='readonly'>
        <part_number>MBF2H332A</part_number>
        <vendor_field index='0'>PCIeGen4 x8</vendor_field>
      </fields>
      <fields access='readwrite'>
        <asset_tag>fooasset</asset_tag>
        <system_field index='B'>systemfieldB</system_field>
      </fields>
    </capability>
    <iommuGroup number='65'>
      <address domain='0x0000' bus='0x42' slot='0x00' function='0x0'/>
    </iommuGroup>
    <numa node='0'/>
    <pci-express>
      <link validity='cap' port='0' speed='16' width='8'/>
      <link validity='sta' speed='2.5' width='8'/>
    </pci-express>
  </capability>
</device>
`;

test('pci device: typed numbers, hex ids and nested capability variants', () => {
  const d = parseNodeDevice(pciXml);
  assert.equal(d.name, 'pci_0000_42_00_0');
  assert.equal(d.path, '/sys/devices/pci0000:40/0000:40:01.1/0000:42:00.0');
  assert.deepEqual(d.parent, { value: 'pci_0000_40_01_1' });
  assert.deepEqual(d.driver, { name: 'mlx5_core' });
  const cap = d.capability![0];
  assert.equal(cap.type, 'pci');
  if (cap.type !== 'pci') return;
  assert.equal(cap.class, 0x020000);
  assert.equal(cap.domain, 0);
  assert.equal(cap.bus, 66);
  assert.deepEqual(cap.product, { id: 0xa2d6, value: 'ConnectX-6 Dx' });
  assert.deepEqual(cap.vendor, { id: 0x15b3, value: 'Mellanox Technologies' });
  assert.deepEqual(cap.capability, [
    { type: 'virt_functions', maxCount: 16, address: [{ domain: 0, bus: 0x42, slot: 0, function: 2 }] },
    { type: 'pci-bridge' },
    { type: 'mdev_types', types: [{ id: 'nvidia-11', name: 'GRID M60-0B', deviceAPI: 'vfio-pci', availableInstances: 16 }] },
    {
      type: 'vpd',
      name: 'BlueField-2 DPU',
      fields: [
        { access: 'readonly', part_number: 'MBF2H332A', vendor_field: [{ index: '0', value: 'PCIeGen4 x8' }] },
        { access: 'readwrite', asset_tag: 'fooasset', system_field: [{ index: 'B', value: 'systemfieldB' }] },
      ],
    },
  ]);
  assert.deepEqual(cap.iommuGroup, { number: 65, address: [{ domain: 0, bus: 0x42, slot: 0, function: 0 }] });
  assert.deepEqual(cap.numa, { node: 0 });
  assert.deepEqual(cap['pci-express'], {
    link: [
      { validity: 'cap', port: 0, speed: 16, width: 8 },
      { validity: 'sta', speed: 2.5, width: 8 },
    ],
  });
  assert.equal(formatNodeDevice(d), pciXml);
});

test('pci device: changing values changes exactly those places', () => {
  const d = parseNodeDevice(pciXml);
  const cap = d.capability![0];
  assert.equal(cap.type, 'pci');
  if (cap.type !== 'pci') return;
  cap.numa = { node: 1 };
  cap.product!.id = 0x101d;
  const expected = pciXml
    .replace("<numa node='0'/>", "<numa node='1'/>")
    .replace("<product id='0xa2d6'>", "<product id='0x101d'>");
  assert.equal(formatNodeDevice(d), expected);
});

test('storage: fixed size, removable media with boolean availability, hotpluggable', () => {
  const fixed = `<device>
  <name>storage_serial_X</name>
  <devnode type='dev'>/dev/sdb</devnode>
  <devnode type='link'>/dev/disk/by-uuid/661A</devnode>
  <parent>scsi_0_0_0_0</parent>
  <capability type='storage'>
    <block>/dev/sdb</block>
    <bus>usb</bus>
    <drive_type>disk</drive_type>
    <size>15626928128</size>
    <logical_block_size>512</logical_block_size>
    <num_blocks>30521344</num_blocks>
    <capability type='hotpluggable'/>
  </capability>
</device>
`;
  const d = parseNodeDevice(fixed);
  assert.deepEqual(d.devnode, [
    { type: 'dev', value: '/dev/sdb' },
    { type: 'link', value: '/dev/disk/by-uuid/661A' },
  ]);
  const cap = d.capability![0];
  assert.equal(cap.type, 'storage');
  if (cap.type !== 'storage') return;
  assert.equal(cap.size, 15626928128);
  assert.equal(cap.num_blocks, 30521344);
  assert.deepEqual(cap.capability, [{ type: 'hotpluggable' }]);
  assert.equal(formatNodeDevice(d), fixed);

  const removable = `<device>
  <name>DVD</name>
  <capability type='storage'>
    <block>/dev/sr0</block>
    <capability type='removable'>
      <media_available>1</media_available>
      <media_size>12345678</media_size>
      <media_label>Label</media_label>
    </capability>
  </capability>
</device>
`;
  const r = parseNodeDevice(removable);
  const rc = r.capability![0];
  assert.equal(rc.type, 'storage');
  if (rc.type !== 'storage') return;
  const media = rc.capability![0];
  assert.equal(media.type, 'removable');
  if (media.type !== 'removable') return;
  assert.equal(media.media_available, true);
  assert.equal(media.media_size, 12345678);
  media.media_available = false;
  assert.equal(formatNodeDevice(r), removable.replace('<media_available>1<', '<media_available>0<'));
});

test('mdev, drm and scsi: the <type> child elements have their own property names', () => {
  const d = parseNodeDevice(`<device>
  <name>mdev_x</name>
  <parent>pci_0000_00_02_0</parent>
  <capability type='mdev'>
    <type id='i915-GVTg_V5_8'/>
    <uuid>d069d019-36ea-4111-8f0a-8c9a70e21366</uuid>
    <parent_addr>0000:00:02.0</parent_addr>
    <iommuGroup number='0'/>
    <attr name='a1' value='v1'/>
  </capability>
</device>`);
  assert.deepEqual(d.capability, [
    {
      type: 'mdev',
      mdevType: { id: 'i915-GVTg_V5_8' },
      uuid: 'd069d019-36ea-4111-8f0a-8c9a70e21366',
      parent_addr: '0000:00:02.0',
      iommuGroup: { number: 0 },
      attr: [{ name: 'a1', value: 'v1' }],
    },
  ]);
  const drm = parseNodeDevice(`<device><name>drm</name><capability type='drm'><type>render</type></capability></device>`);
  assert.deepEqual(drm.capability, [{ type: 'drm', drmType: 'render' }]);
  const scsi = parseNodeDevice(
    `<device><name>s</name><capability type='scsi'><host>0</host><bus>0</bus><target>1</target><lun>2</lun><type>disk</type></capability></device>`,
  );
  assert.deepEqual(scsi.capability, [{ type: 'scsi', host: 0, bus: 0, target: 1, lun: 2, scsiType: 'disk' }]);
});

test('s390 devices: hex subchannel addresses, ccwgroup members, AP queues', () => {
  const xml = `<device>
  <name>ccwgroup_0_0_bd00</name>
  <parent>computer</parent>
  <capability type='ccwgroup'>
    <state>online</state>
    <cssid>0x0</cssid>
    <ssid>0x0</ssid>
    <devno>0xbd00</devno>
    <members>
      <ccw_device ref='cdev0'>ccw_0_0_bd00</ccw_device>
    </members>
    <capability type='qeth_layer2'>
      <card_type>OSD_10GIG</card_type>
      <chpid>BD</chpid>
    </capability>
  </capability>
</device>
`;
  const d = parseNodeDevice(xml);
  assert.deepEqual(d.capability, [
    {
      type: 'ccwgroup',
      state: 'online',
      cssid: 0,
      ssid: 0,
      devno: 0xbd00,
      members: { ccw_device: [{ ref: 'cdev0', value: 'ccw_0_0_bd00' }] },
      capability: { type: 'qeth_layer2', card_type: 'OSD_10GIG', chpid: 'BD' },
    },
  ]);
  assert.equal(formatNodeDevice(d), xml);

  const ap = parseNodeDevice(
    `<device><name>ap_07_0038</name><capability type='ap_queue'><ap-adapter>0x07</ap-adapter><ap-domain>0x0038</ap-domain></capability></device>`,
  );
  assert.deepEqual(ap.capability, [{ type: 'ap_queue', 'ap-adapter': 7, 'ap-domain': 0x38 }]);
});

test('a vHBA to create, built in code: parent chosen by WWNs, fc_host capability', () => {
  const dev: NodeDevice = {
    name: 'scsi_host6',
    parent: { wwnn: '20000000c9831b4b', wwpn: '10000000c9831b4b' },
    capability: [
      {
        type: 'scsi_host',
        capability: [{ type: 'fc_host', wwnn: '2001001b32a9da4e', wwpn: '2101001b32a90004' }],
      },
    ],
  };
  assert.equal(
    formatNodeDevice(dev),
    `<device>
  <name>scsi_host6</name>
  <parent wwnn='20000000c9831b4b' wwpn='10000000c9831b4b'/>
  <capability type='scsi_host'>
    <capability type='fc_host'>
      <wwnn>2001001b32a9da4e</wwnn>
      <wwpn>2101001b32a90004</wwpn>
    </capability>
  </capability>
</device>
`,
  );
});

test('an mdev to create, built in code', () => {
  const dev: NodeDevice = {
    name: 'mdev_new',
    parent: { value: 'pci_0000_00_02_0' },
    capability: [{ type: 'mdev', mdevType: { id: 'nvidia-11' }, uuid: 'c60cc60c-c60c-c60c-c60c-c60cc60cc60c', attr: [{ name: 'x', value: 'y' }] }],
  };
  assert.equal(
    formatNodeDevice(dev),
    `<device>
  <name>mdev_new</name>
  <parent>pci_0000_00_02_0</parent>
  <capability type='mdev'>
    <type id='nvidia-11'/>
    <uuid>c60cc60c-c60c-c60c-c60c-c60cc60cc60c</uuid>
    <attr name='x' value='y'/>
  </capability>
</device>
`,
  );
});

test('net capability: link, features and the 802.11 sub-capability', () => {
  const xml = `<device>
  <name>net_wlan0</name>
  <capability type='net'>
    <interface>wlan0</interface>
    <address>00:13:02:b9:f9:d3</address>
    <link speed='1000' state='up'/>
    <feature name='rx'/>
    <feature name='tso'/>
    <capability type='80211'/>
  </capability>
</device>
`;
  const d = parseNodeDevice(xml);
  assert.deepEqual(d.capability, [
    {
      type: 'net',
      interface: 'wlan0',
      address: '00:13:02:b9:f9:d3',
      link: { speed: 1000, state: 'up' },
      feature: [{ name: 'rx' }, { name: 'tso' }],
      capability: [{ type: '80211' }],
    },
  ]);
  assert.equal(formatNodeDevice(d), xml);
});

test('unknown attributes and elements inside node device elements survive', () => {
  const xml = `<device>
  <name>computer</name>
  <capability type='system' extra='1'>
    <hardware>
      <uuid>12345678-1234-1234-9596-a088b277d677</uuid>
      <future>x</future>
    </hardware>
    <firmware>
      <vendor>LENOVO</vendor>
    </firmware>
    <newthing a='b'/>
  </capability>
</device>
`;
  const d = parseNodeDevice(xml);
  const cap = d.capability![0];
  assert.equal(cap.type, 'system');
  if (cap.type !== 'system') return;
  assert.equal(cap.hardware!.uuid, '12345678-1234-1234-9596-a088b277d677');
  assert.equal(cap.firmware!.vendor, 'LENOVO');
  assert.equal(formatNodeDevice(d), xml);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDomain, formatDomain, type Domain } from '../../src/index.js';
import type { Interface } from '../../src/model/domain/interface.js';
import type { Hostdev } from '../../src/model/domain/hostdev.js';
import type { Bandwidth, VirtualPort, Vlan } from '../../src/model/domain/netcommon.js';
import { domWithDevices as dom } from '../support/domain.js';

function iface(xml: string): Interface {
  return parseDomain(dom(xml)).devices!.interface![0];
}

function hostdev(xml: string): Hostdev {
  return parseDomain(dom(xml)).devices!.hostdev![0];
}

// ---------------------------------------------------------------------------
// <interface>

test('network interface: source, virtualport, vlan, bandwidth, model, driver with host/guest offloads', () => {
  const xml = dom(`
<interface type='network' trustGuestRxFilters='yes'>
  <mac address='52:54:00:11:22:33' type='static' check='no'/>
  <source network='default' portgroup='engineering' portid='873be5a0-6b8a-4a0b-a1df-ef3659cd64bc'/>
  <vlan trunk='yes'>
    <tag id='42' nativeMode='untagged'/>
    <tag id='47'/>
  </vlan>
  <virtualport type='openvswitch'>
    <parameters profileid='menial' interfaceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f'/>
  </virtualport>
  <bandwidth>
    <inbound average='1000' peak='5000' floor='200' burst='1024'/>
    <outbound average='128' peak='256' burst='256'/>
  </bandwidth>
  <port isolated='yes'/>
  <model type='virtio'/>
  <driver name='vhost' txmode='iothread' ioeventfd='on' event_idx='off' queues='5' rx_queue_size='256' tx_queue_size='512' rss='on' rss_hash_report='off' iommu='on' ats='on' packed='on' page_per_vq='off'>
    <host csum='off' gso='off' tso4='off' tso6='off' ecn='off' ufo='off' mrg_rxbuf='off'/>
    <guest csum='off' tso4='off' tso6='off' ecn='off' ufo='off'/>
  </driver>
  <link state='down'/>
  <mtu size='9000'/>
  <coalesce>
    <rx>
      <frames max='7'/>
    </rx>
  </coalesce>
  <boot order='2'/>
  <alias name='ua-net0'/>
  <acpi index='3'/>
  <rom bar='off'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
</interface>`);
  const d = parseDomain(xml);
  const n = d.devices!.interface![0];
  assert.ok(n.type === 'network');
  assert.equal(n.trustGuestRxFilters, true);
  assert.deepEqual(n.mac, { address: '52:54:00:11:22:33', type: 'static', check: false });
  assert.deepEqual(n.source, { network: 'default', portgroup: 'engineering', portid: '873be5a0-6b8a-4a0b-a1df-ef3659cd64bc' });
  assert.deepEqual(n.vlan, { trunk: true, tag: [{ id: 42, nativeMode: 'untagged' }, { id: 47 }] });
  assert.deepEqual(n.virtualport, {
    type: 'openvswitch',
    parameters: { profileid: 'menial', interfaceid: '09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f' },
  });
  assert.deepEqual(n.bandwidth, {
    inbound: { average: 1000, peak: 5000, floor: 200, burst: 1024 },
    outbound: { average: 128, peak: 256, burst: 256 },
  });
  assert.deepEqual(n.port, { isolated: true });
  assert.deepEqual(n.model, { type: 'virtio' });
  assert.equal(n.driver?.name, 'vhost');
  assert.equal(n.driver?.queues, 5);
  assert.equal(n.driver?.rx_queue_size, 256);
  assert.equal(n.driver?.ioeventfd, true);
  assert.equal(n.driver?.event_idx, false);
  assert.equal(n.driver?.page_per_vq, false);
  assert.equal(n.driver?.host?.mrg_rxbuf, false);
  assert.equal(n.driver?.guest?.ufo, false);
  assert.deepEqual(n.link, { state: 'down' });
  assert.deepEqual(n.mtu, { size: 9000 });
  assert.deepEqual(n.coalesce, { rx: { frames: { max: 7 } } });
  assert.deepEqual(n.boot, { order: 2 });
  assert.deepEqual(n.acpi, { index: 3 });
  assert.deepEqual(n.rom, { bar: false });
  assert.deepEqual(n.address, { type: 'pci', domain: 0, bus: 0, slot: 3, function: 0 });
  assert.equal(n.$xml, undefined);
  assert.equal(formatDomain(d), xml);
});

test('bridge interface with 802.1Qbg virtualport, filterref parameters, script, target, tune', () => {
  const xml = dom(`
<interface type='bridge'>
  <mac address='52:54:00:aa:bb:cc'/>
  <source bridge='br0'/>
  <virtualport type='802.1Qbg'>
    <parameters managerid='11' typeid='1193047' typeidversion='2' instanceid='c7a5fdbd-edaf-9455-926a-d65c16db1809'/>
  </virtualport>
  <script path='/etc/qemu-ifup'/>
  <target dev='vnet7' managed='no'/>
  <model type='e1000'/>
  <filterref filter='clean-traffic'>
    <parameter name='IP' value='10.0.0.1'/>
    <parameter name='IP' value='10.0.0.2'/>
  </filterref>
  <tune>
    <sndbuf>1600</sndbuf>
  </tune>
</interface>`);
  const d = parseDomain(xml);
  const n = d.devices!.interface![0];
  assert.ok(n.type === 'bridge');
  assert.deepEqual(n.source, { bridge: 'br0' });
  assert.ok(n.virtualport?.type === '802.1Qbg');
  assert.deepEqual(n.virtualport.parameters, { managerid: 11, typeid: 1193047, typeidversion: 2, instanceid: 'c7a5fdbd-edaf-9455-926a-d65c16db1809' });
  assert.deepEqual(n.script, { path: '/etc/qemu-ifup' });
  assert.deepEqual(n.target, { dev: 'vnet7', managed: false });
  assert.deepEqual(n.filterref, {
    filter: 'clean-traffic',
    parameter: [
      { name: 'IP', value: '10.0.0.1' },
      { name: 'IP', value: '10.0.0.2' },
    ],
  });
  assert.deepEqual(n.tune, { sndbuf: 1600 });
  assert.equal(formatDomain(d), xml);
});

test('virtualport without a type keeps every parameter', () => {
  const n = iface(`
<interface type='network'>
  <source network='ovs-net'/>
  <virtualport>
    <parameters instanceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f' interfaceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4e' profileid='x'/>
  </virtualport>
</interface>`);
  assert.ok(n.type === 'network');
  assert.equal(n.virtualport?.type, undefined);
  assert.deepEqual(n.virtualport?.parameters, {
    instanceid: '09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f',
    interfaceid: '09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4e',
    profileid: 'x',
  });
});

test('direct, user, vdpa, internal, vds sources', () => {
  const direct = iface(`<interface type='direct'><source dev='eth0' mode='passthrough'/></interface>`);
  assert.ok(direct.type === 'direct');
  assert.deepEqual(direct.source, { dev: 'eth0', mode: 'passthrough' });

  const user = iface(`<interface type='user'><source dev='eth1'/><backend type='passt' logFile='/tmp/p.log'/></interface>`);
  assert.ok(user.type === 'user');
  assert.deepEqual(user.source, { dev: 'eth1' });
  assert.deepEqual(user.backend, { type: 'passt', logFile: '/tmp/p.log' });

  const vdpa = iface(`<interface type='vdpa'><source dev='/dev/vhost-vdpa-0'/></interface>`);
  assert.ok(vdpa.type === 'vdpa');
  assert.deepEqual(vdpa.source, { dev: '/dev/vhost-vdpa-0' });

  const internal = iface(`<interface type='internal'><source name='intnet'/></interface>`);
  assert.ok(internal.type === 'internal');
  assert.deepEqual(internal.source, { name: 'intnet' });

  const vds = iface(`<interface type='vds'><source switchid='12345678-1234-1234-1234-123456789abc' portid='6' portgroupid='pg-4' connectionid='112233'/></interface>`);
  assert.ok(vds.type === 'vds');
  assert.deepEqual(vds.source, { switchid: '12345678-1234-1234-1234-123456789abc', portid: 6, portgroupid: 'pg-4', connectionid: 112233 });

  const nul = iface(`<interface type='null'><model type='virtio'/></interface>`);
  assert.deepEqual(nul, { type: 'null', model: { type: 'virtio' } });
});

test('socket tunnels: mcast, server, client, udp with local end', () => {
  const mcast = iface(`<interface type='mcast'><source address='230.0.0.1' port='5558'/></interface>`);
  assert.ok(mcast.type === 'mcast');
  assert.deepEqual(mcast.source, { address: '230.0.0.1', port: 5558 });

  const server = iface(`<interface type='server'><source address='192.168.0.1' port='5558'/></interface>`);
  assert.ok(server.type === 'server');
  assert.deepEqual(server.source, { address: '192.168.0.1', port: 5558 });

  const xml = dom(`
<interface type='udp'>
  <mac address='52:54:00:8c:b9:05'/>
  <source address='192.168.10.1' port='5555'>
    <local address='192.168.10.2' port='5556'/>
  </source>
</interface>`);
  const d = parseDomain(xml);
  const udp = d.devices!.interface![0];
  assert.ok(udp.type === 'udp');
  assert.deepEqual(udp.source, { address: '192.168.10.1', port: 5555, local: { address: '192.168.10.2', port: 5556 } });
  assert.equal(formatDomain(d), xml);
});

test('vhostuser: unix socket with reconnect; ethernet: host-side ip and route in source', () => {
  const vu = iface(`
<interface type='vhostuser'>
  <source type='unix' path='/tmp/vhost0.sock' mode='client'>
    <reconnect enabled='yes' timeout='10'/>
  </source>
  <model type='virtio'/>
</interface>`);
  assert.ok(vu.type === 'vhostuser');
  assert.deepEqual(vu.source, { type: 'unix', path: '/tmp/vhost0.sock', mode: 'client', reconnect: { enabled: true, timeout: 10 } });

  const eth = iface(`
<interface type='ethernet'>
  <source>
    <ip address='192.168.122.12' family='ipv4' prefix='24' peer='192.168.122.5'/>
    <route family='ipv4' address='192.168.122.0' prefix='24' gateway='192.168.122.1'/>
  </source>
  <ip address='192.168.122.5' prefix='24'/>
  <route family='ipv4' address='10.0.0.0' netmask='255.0.0.0' gateway='192.168.122.1' metric='2'/>
  <downscript path='/etc/qemu-ifdown'/>
  <guest dev='eth0' actual='eth1'/>
</interface>`);
  assert.ok(eth.type === 'ethernet');
  assert.deepEqual(eth.source, {
    ip: [{ address: '192.168.122.12', family: 'ipv4', prefix: 24, peer: '192.168.122.5' }],
    route: [{ family: 'ipv4', address: '192.168.122.0', prefix: 24, gateway: '192.168.122.1' }],
  });
  assert.deepEqual(eth.ip, [{ address: '192.168.122.5', prefix: 24 }]);
  assert.deepEqual(eth.route, [{ family: 'ipv4', address: '10.0.0.0', netmask: '255.0.0.0', gateway: '192.168.122.1', metric: 2 }]);
  assert.deepEqual(eth.downscript, { path: '/etc/qemu-ifdown' });
  assert.deepEqual(eth.guest, { dev: 'eth0', actual: 'eth1' });
});

test('passt port forwarding ranges', () => {
  const n = iface(`
<interface type='user'>
  <portForward proto='udp' address='1.2.3.4' dev='eth0'>
    <range start='5000' end='5020' to='6000'/>
    <range start='5010' end='5015' exclude='yes'/>
  </portForward>
  <portForward proto='tcp'/>
  <backend type='passt'/>
</interface>`);
  assert.ok(n.type === 'user');
  assert.deepEqual(n.portForward, [
    {
      proto: 'udp',
      address: '1.2.3.4',
      dev: 'eth0',
      range: [
        { start: 5000, end: 5020, to: 6000 },
        { start: 5010, end: 5015, exclude: true },
      ],
    },
    { proto: 'tcp' },
  ]);
});

test('hostdev interface: managed, PCI source address, teaming, vfio driver', () => {
  const xml = dom(`
<interface type='hostdev' managed='yes'>
  <mac address='00:11:22:33:44:55'/>
  <source>
    <address type='pci' domain='0x0000' bus='0x3b' slot='0x02' function='0x4'/>
  </source>
  <driver name='vfio'/>
  <teaming type='transient' persistent='ua-backup0'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
</interface>`);
  const d = parseDomain(xml);
  const n = d.devices!.interface![0];
  assert.ok(n.type === 'hostdev');
  assert.equal(n.managed, true);
  assert.ok(n.source?.address?.type === 'pci');
  assert.equal(n.source.address.bus, 0x3b);
  assert.equal(n.source.address.function, 4);
  assert.deepEqual(n.driver, { name: 'vfio' });
  assert.deepEqual(n.teaming, { type: 'transient', persistent: 'ua-backup0' });
  assert.equal(formatDomain(d), xml);

  const usb = iface(`<interface type='hostdev'><source><address type='usb' bus='1' device='4'/></source></interface>`);
  assert.ok(usb.type === 'hostdev');
  assert.deepEqual(usb.source?.address, { type: 'usb', bus: 1, device: 4 });
});

test('changing a value changes exactly that place in the output', () => {
  const xml = dom(`
<interface type='network'>
  <mac address='52:54:00:11:22:33'/>
  <source network='default'/>
  <model type='virtio'/>
  <driver queues='2'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
</interface>`);
  const d = parseDomain(xml);
  const n = d.devices!.interface![0];
  assert.ok(n.type === 'network');
  n.source = { ...n.source, network: 'isolated' };
  n.driver!.queues = 8;
  n.link = { state: 'up' };
  const expected = xml
    .replace("network='default'", "network='isolated'")
    .replace("queues='2'", "queues='8'")
    .replace("  <address type='pci'", "  <link state='up'/>\n      <address type='pci'");
  assert.equal(formatDomain(d), expected);
});

test('building an interface from scratch in code', () => {
  const vlan: Vlan = { tag: [{ id: 10 }] };
  const bandwidth: Bandwidth = { inbound: { average: 1000 } };
  const virtualport: VirtualPort = { type: 'midonet', parameters: { interfaceid: '0b2b0fd4-4c9a-4ab5-8d6e-3b6c3d2ec2a5' } };
  const n: Interface = {
    type: 'bridge',
    mac: { address: '52:54:00:00:00:01' },
    source: { bridge: 'br1' },
    vlan,
    virtualport,
    bandwidth,
    model: { type: 'virtio' },
    driver: { name: 'vhost', queues: 4 },
    alias: { name: 'ua-lan' },
  };
  const d: Domain = { type: 'kvm', name: 't', devices: { interface: [n] } };
  assert.equal(
    formatDomain(d),
    dom(`
<interface type='bridge'>
  <mac address='52:54:00:00:00:01'/>
  <source bridge='br1'/>
  <vlan>
    <tag id='10'/>
  </vlan>
  <virtualport type='midonet'>
    <parameters interfaceid='0b2b0fd4-4c9a-4ab5-8d6e-3b6c3d2ec2a5'/>
  </virtualport>
  <bandwidth>
    <inbound average='1000'/>
  </bandwidth>
  <model type='virtio'/>
  <driver name='vhost' queues='4'/>
  <alias name='ua-lan'/>
</interface>`),
  );
});

test('the type decides which fields exist (static types)', () => {
  const ok: Interface = { type: 'direct', source: { dev: 'eth0', mode: 'vepa' }, virtualport: { type: '802.1Qbh', parameters: { profileid: 'p' } } };
  // @ts-expect-error a multicast tunnel has no virtualport
  const noVport: Interface = { type: 'mcast', source: { address: '230.0.0.1', port: 5558 }, virtualport: {} };
  // @ts-expect-error a bridge source has no dev
  const noDev: Interface = { type: 'bridge', source: { dev: 'eth0' } };
  // @ts-expect-error an mdev hostdev has no sgio
  const noSgio: Hostdev = { type: 'mdev', model: 'vfio-pci', sgio: 'filtered' };
  assert.ok(ok && noVport && noDev && noSgio);
});

test('unknown attributes and elements inside an interface survive', () => {
  const xml = dom(`
<interface type='network' future='1'>
  <mac address='52:54:00:11:22:33'/>
  <source network='default' colour='blue'>
    <novel/>
  </source>
  <sparkle level='9'/>
  <model type='virtio'/>
</interface>`);
  const d = parseDomain(xml);
  const n = d.devices!.interface![0];
  assert.deepEqual(n.$xml?.attrs, { future: '1' });
  assert.ok(n.type === 'network');
  assert.equal(n.source?.network, 'default');
  assert.equal(formatDomain(d), xml);
});

// ---------------------------------------------------------------------------
// <hostdev>

test('PCI hostdev: managed, driver, source address as numbers, rom, display', () => {
  const xml = dom(`
<hostdev mode='subsystem' type='pci' managed='yes' display='on' ramfb='off'>
  <driver name='vfio' model='nvgrace_gpu_vfio_pci'/>
  <source writeFiltering='no'>
    <address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/>
  </source>
  <boot order='1'/>
  <rom bar='on' file='/etc/fake/boot.bin'/>
  <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>
</hostdev>`);
  const d = parseDomain(xml);
  const h = d.devices!.hostdev![0];
  assert.ok(h.type === 'pci');
  assert.equal(h.mode, 'subsystem');
  assert.equal(h.managed, true);
  assert.equal(h.display, true);
  assert.equal(h.ramfb, false);
  assert.deepEqual(h.driver, { name: 'vfio', model: 'nvgrace_gpu_vfio_pci' });
  assert.deepEqual(h.source, { writeFiltering: false, address: { domain: 0, bus: 6, slot: 0x12, function: 5 } });
  assert.deepEqual(h.boot, { order: 1 });
  assert.deepEqual(h.rom, { bar: true, file: '/etc/fake/boot.bin' });
  assert.equal(formatDomain(d), xml);

  h.source!.address!.function = 6;
  assert.equal(formatDomain(d), xml.replace("function='0x5'", "function='0x6'"));
});

test('USB hostdev: vendor/product ids, bus/device address, startupPolicy, guestReset', () => {
  const h = hostdev(`
<hostdev mode='subsystem' type='usb' managed='no'>
  <source startupPolicy='optional' guestReset='off'>
    <vendor id='0x1234'/>
    <product id='0xbeef'/>
    <address bus='14' device='6'/>
  </source>
</hostdev>`);
  assert.ok(h.type === 'usb');
  assert.equal(h.managed, false);
  assert.deepEqual(h.source, {
    startupPolicy: 'optional',
    guestReset: 'off',
    vendor: { id: 0x1234 },
    product: { id: 0xbeef },
    address: { bus: 14, device: 6 },
  });
});

test('SCSI hostdev: adapter source with readonly/shareable, and iSCSI source with hosts, auth, initiator', () => {
  const a = hostdev(`
<hostdev mode='subsystem' type='scsi' managed='yes' sgio='unfiltered' rawio='yes'>
  <source>
    <adapter name='scsi_host0'/>
    <address bus='0' target='0' unit='8'/>
  </source>
  <readonly/>
  <shareable/>
  <address type='drive' controller='0' bus='0' target='0' unit='4'/>
</hostdev>`);
  assert.ok(a.type === 'scsi');
  assert.equal(a.sgio, 'unfiltered');
  assert.equal(a.rawio, true);
  assert.equal(a.readonly, true);
  assert.equal(a.shareable, true);
  assert.ok(a.source?.protocol === undefined);
  assert.deepEqual(a.source, { adapter: { name: 'scsi_host0' }, address: { bus: 0, target: 0, unit: 8 } });
  assert.deepEqual(a.address, { type: 'drive', controller: 0, bus: 0, target: 0, unit: 4 });

  const xml = dom(`
<hostdev mode='subsystem' type='scsi' managed='yes'>
  <source protocol='iscsi' name='iqn.1992-01.com.example:storage/1'>
    <host name='example.org' port='3260'/>
    <host name='example2.org'/>
    <auth username='myname'>
      <secret type='iscsi' usage='mycluster_myname'/>
    </auth>
    <initiator>
      <iqn name='iqn.2020-07.com.example:test'/>
    </initiator>
  </source>
  <address type='drive' controller='0' bus='0' target='0' unit='5'/>
</hostdev>`);
  const d = parseDomain(xml);
  const i = d.devices!.hostdev![0];
  assert.ok(i.type === 'scsi');
  assert.ok(i.source?.protocol === 'iscsi');
  assert.equal(i.source.name, 'iqn.1992-01.com.example:storage/1');
  assert.deepEqual(i.source.host, [{ name: 'example.org', port: 3260 }, { name: 'example2.org' }]);
  assert.deepEqual(i.source.auth, { username: 'myname', secret: { type: 'iscsi', usage: 'mycluster_myname' } });
  assert.deepEqual(i.source.initiator, { iqn: { name: 'iqn.2020-07.com.example:test' } });
  assert.equal(formatDomain(d), xml);
});

test('SCSI adapter by PCI parent address, and fc_host adapter', () => {
  const p = hostdev(`
<hostdev mode='subsystem' type='scsi'>
  <source>
    <adapter type='scsi_host'>
      <parentaddr unique_id='2'>
        <address domain='0x0000' bus='0x00' slot='0x1f' function='0x2'/>
      </parentaddr>
    </adapter>
    <address bus='0' target='1' unit='0'/>
  </source>
</hostdev>`);
  assert.ok(p.type === 'scsi' && p.source?.protocol !== 'iscsi');
  assert.ok(p.source?.adapter?.type === 'scsi_host');
  assert.deepEqual(p.source.adapter.parentaddr, { unique_id: 2, address: { domain: 0, bus: 0, slot: 0x1f, function: 2 } });

  const f = hostdev(`
<hostdev mode='subsystem' type='scsi'>
  <source>
    <adapter type='fc_host' parent='scsi_host5' wwnn='20000000c9831b4b' wwpn='10000000c9831b4b'/>
    <address bus='0' target='0' unit='0'/>
  </source>
</hostdev>`);
  assert.ok(f.type === 'scsi' && f.source?.protocol !== 'iscsi');
  assert.deepEqual(f.source?.adapter, { type: 'fc_host', parent: 'scsi_host5', wwnn: '20000000c9831b4b', wwpn: '10000000c9831b4b' });
});

test('scsi_host (vhost-scsi) and mdev hostdevs', () => {
  const v = hostdev(`
<hostdev mode='subsystem' type='scsi_host' managed='no' model='virtio-transitional'>
  <source protocol='vhost' wwpn='naa.5123456789abcde0'/>
</hostdev>`);
  assert.ok(v.type === 'scsi_host');
  assert.equal(v.model, 'virtio-transitional');
  assert.deepEqual(v.source, { protocol: 'vhost', wwpn: 'naa.5123456789abcde0' });

  const m = hostdev(`
<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'>
  <source>
    <address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/>
  </source>
</hostdev>`);
  assert.ok(m.type === 'mdev');
  assert.equal(m.model, 'vfio-pci');
  assert.equal(m.display, true);
  assert.equal(m.ramfb, true);
  assert.deepEqual(m.source, { address: { uuid: '53764d0e-85a0-42b4-af5c-2046b460b1dc' } });
});

test('capabilities hostdevs: storage, misc, net with ip and route', () => {
  const s = hostdev(`<hostdev mode='capabilities' type='storage'><source><block>/dev/sdf1</block></source></hostdev>`);
  assert.deepEqual(s, { mode: 'capabilities', type: 'storage', source: { block: '/dev/sdf1' } });

  const c = hostdev(`<hostdev mode='capabilities' type='misc'><source><char>/dev/input/event3</char></source></hostdev>`);
  assert.deepEqual(c, { mode: 'capabilities', type: 'misc', source: { char: '/dev/input/event3' } });

  const xml = dom(`
<hostdev mode='capabilities' type='net'>
  <source>
    <interface>eth0</interface>
  </source>
  <ip address='192.168.122.2' family='ipv4'/>
  <route family='ipv4' address='0.0.0.0' gateway='192.168.122.1'/>
</hostdev>`);
  const d = parseDomain(xml);
  const n = d.devices!.hostdev![0];
  assert.ok(n.type === 'net');
  assert.deepEqual(n.source, { interface: 'eth0' });
  assert.deepEqual(n.ip, [{ address: '192.168.122.2', family: 'ipv4' }]);
  assert.deepEqual(n.route, [{ family: 'ipv4', address: '0.0.0.0', gateway: '192.168.122.1' }]);
  assert.equal(formatDomain(d), xml);
});

test('building a hostdev from scratch in code', () => {
  const h: Hostdev = {
    mode: 'subsystem',
    type: 'pci',
    managed: true,
    source: { address: { domain: 0, bus: 0x3b, slot: 0, function: 1 } },
    teaming: { type: 'transient', persistent: 'ua-net0' },
    alias: { name: 'ua-vf1' },
  };
  const usb: Hostdev = { mode: 'subsystem', type: 'usb', source: { vendor: { id: 0x46d }, product: { id: 0xc077 } } };
  const d: Domain = { type: 'kvm', name: 't', devices: { hostdev: [h, usb] } };
  assert.equal(
    formatDomain(d),
    dom(`
<hostdev mode='subsystem' type='pci' managed='yes'>
  <source>
    <address domain='0x0000' bus='0x3b' slot='0x00' function='0x1'/>
  </source>
  <teaming type='transient' persistent='ua-net0'/>
  <alias name='ua-vf1'/>
</hostdev>
<hostdev mode='subsystem' type='usb'>
  <source>
    <vendor id='0x046d'/>
    <product id='0xc077'/>
  </source>
</hostdev>`),
  );
});

test('unknown attributes and elements inside a hostdev survive, original hex spelling kept', () => {
  const xml = dom(`
<hostdev mode='subsystem' type='pci' managed='yes' shiny='yes'>
  <source>
    <address domain='0' bus='0x6' slot='18' function='5' extra='x'/>
    <whatever/>
  </source>
  <mystery/>
</hostdev>`);
  const d = parseDomain(xml);
  const h = d.devices!.hostdev![0];
  assert.ok(h.type === 'pci');
  const a = h.source?.address;
  assert.equal(a?.domain, 0);
  assert.equal(a?.bus, 6);
  assert.equal(a?.slot, 18);
  assert.equal(a?.function, 5);
  assert.deepEqual(a?.$xml?.attrs, { extra: 'x' });
  assert.equal(formatDomain(d), xml);
});

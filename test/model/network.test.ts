import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNetwork, formatNetwork, parseNetworkPort, formatNetworkPort, type Network, type NetworkPort } from '../../src/index.js';
import { routedNetwork } from '../support/built.js';

// ---------------------------------------------------------------------------
// <network>

const natNetwork = `<network connections='2' trustGuestRxFilters='no'>
  <name>default</name>
  <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>
  <title>NAT net</title>
  <description>Guests behind NAT</description>
  <forward dev='eth1' mode='nat'>
    <nat ipv6='yes'>
      <address start='10.20.30.40' end='10.20.30.44'/>
      <port start='60000' end='65432'/>
    </nat>
    <interface dev='eth1' connections='2'/>
  </forward>
  <bridge name='virbr0' zone='trusted' stp='on' delay='0' macTableManager='libvirt'/>
  <mtu size='9000'/>
  <mac address='52:54:00:17:3f:37'/>
  <domain name='example.com' localOnly='yes' register='yes'/>
  <dns enable='yes' forwardPlainNames='no'>
    <forwarder domain='example.org' addr='192.168.1.1'/>
    <forwarder addr='8.8.8.8'/>
    <txt name='example' value='example value'/>
    <srv service='name' protocol='tcp' domain='test-domain-name' target='.' port='1024' priority='10' weight='20'/>
    <host ip='192.168.122.2'>
      <hostname>shared</hostname>
      <hostname>names</hostname>
    </host>
  </dns>
  <bandwidth>
    <inbound average='1000' peak='5000' burst='1024'/>
    <outbound average='2000'/>
  </bandwidth>
  <port isolated='yes'/>
  <ip address='192.168.122.1' netmask='255.255.255.0' localPtr='yes'>
    <tftp root='/var/lib/tftproot'/>
    <dhcp>
      <range start='192.168.122.2' end='192.168.122.254'>
        <lease expiry='1' unit='hours'/>
      </range>
      <host mac='00:16:3e:77:e2:ed' name='a.example.com' ip='192.168.122.10'>
        <lease expiry='0'/>
      </host>
      <bootp file='pxeboot.img' server='10.20.30.40'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='2001:db8:ac10:fd01::1' prefix='64'>
    <dhcp>
      <host id='0:3:0:1:0:16:3e:11:22:33' name='peter.xyz' ip='2001:db8:ac10:fd01::1:22'/>
    </dhcp>
  </ip>
  <route address='192.168.222.0' netmask='255.255.255.0' gateway='192.168.122.10' metric='2'/>
  <route family='ipv6' address='2001:db8:ac10:fc00::' prefix='64' gateway='2001:db8:ac10:fd01::1:24'/>
</network>
`;

test('network: NAT network with DNS, DHCP, routes parses to typed values', () => {
  const n = parseNetwork(natNetwork);
  assert.equal(n.connections, 2);
  assert.equal(n.trustGuestRxFilters, false);
  assert.equal(n.name, 'default');
  assert.equal(n.uuid, '81ff0d90-c91e-6742-64da-4a736edb9a9b');
  assert.equal(n.title, 'NAT net');
  assert.equal(n.description, 'Guests behind NAT');
  assert.deepEqual(n.forward, {
    dev: 'eth1',
    mode: 'nat',
    nat: { ipv6: true, address: { start: '10.20.30.40', end: '10.20.30.44' }, port: { start: 60000, end: 65432 } },
    interface: [{ dev: 'eth1', connections: 2 }],
  });
  assert.deepEqual(n.bridge, { name: 'virbr0', zone: 'trusted', stp: true, delay: 0, macTableManager: 'libvirt' });
  assert.deepEqual(n.mtu, { size: 9000 });
  assert.deepEqual(n.mac, { address: '52:54:00:17:3f:37' });
  assert.deepEqual(n.domain, { name: 'example.com', localOnly: true, register: true });
  assert.deepEqual(n.dns, {
    enable: true,
    forwardPlainNames: false,
    forwarder: [{ domain: 'example.org', addr: '192.168.1.1' }, { addr: '8.8.8.8' }],
    txt: [{ name: 'example', value: 'example value' }],
    srv: [{ service: 'name', protocol: 'tcp', domain: 'test-domain-name', target: '.', port: 1024, priority: 10, weight: 20 }],
    host: [{ ip: '192.168.122.2', hostname: ['shared', 'names'] }],
  });
  assert.deepEqual(n.bandwidth, { inbound: { average: 1000, peak: 5000, burst: 1024 }, outbound: { average: 2000 } });
  assert.deepEqual(n.port, { isolated: true });
  assert.equal(n.ip!.length, 2);
  assert.deepEqual(n.ip![0], {
    address: '192.168.122.1',
    netmask: '255.255.255.0',
    localPtr: true,
    tftp: { root: '/var/lib/tftproot' },
    dhcp: {
      range: [{ start: '192.168.122.2', end: '192.168.122.254', lease: { expiry: 1, unit: 'hours' } }],
      host: [{ mac: '00:16:3e:77:e2:ed', name: 'a.example.com', ip: '192.168.122.10', lease: { expiry: 0 } }],
      bootp: { file: 'pxeboot.img', server: '10.20.30.40' },
    },
  });
  assert.deepEqual(n.ip![1], {
    family: 'ipv6',
    address: '2001:db8:ac10:fd01::1',
    prefix: 64,
    dhcp: { host: [{ id: '0:3:0:1:0:16:3e:11:22:33', name: 'peter.xyz', ip: '2001:db8:ac10:fd01::1:22' }] },
  });
  assert.deepEqual(n.route, [
    { address: '192.168.222.0', netmask: '255.255.255.0', gateway: '192.168.122.10', metric: 2 },
    { family: 'ipv6', address: '2001:db8:ac10:fc00::', prefix: 64, gateway: '2001:db8:ac10:fd01::1:24' },
  ]);
  assert.equal(formatNetwork(n), natNetwork);
});

test('network: changing values changes the XML exactly there', () => {
  const n = parseNetwork(natNetwork);
  n.bridge!.stp = false;
  n.bridge!.delay = 5;
  n.ip![0].dhcp!.range![0].lease = { expiry: 30, unit: 'minutes' };
  n.dns!.host![0].hostname!.push('third');
  const expected = natNetwork
    .replace(`stp='on' delay='0' macTableManager`, `stp='off' delay='5' macTableManager`)
    .replace(`<lease expiry='1' unit='hours'/>`, `<lease expiry='30' unit='minutes'/>`)
    .replace(`<hostname>names</hostname>\n`, `<hostname>names</hostname>\n      <hostname>third</hostname>\n`);
  assert.equal(formatNetwork(n), expected);
});

test('network: hostdev forward pool of PCI addresses with driver', () => {
  const xml = `<network>
  <name>hostdev</name>
  <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>
  <forward mode='hostdev' managed='yes'>
    <driver name='vfio' model='mlx5_vfio_pci'/>
    <address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x1'/>
    <address type='pci' domain='0x0000' bus='0x03' slot='0x10' function='0x2' connections='1'/>
  </forward>
</network>
`;
  const n = parseNetwork(xml);
  assert.deepEqual(n.forward, {
    mode: 'hostdev',
    managed: true,
    driver: { name: 'vfio', model: 'mlx5_vfio_pci' },
    address: [
      { type: 'pci', domain: 0, bus: 3, slot: 0, function: 1 },
      { type: 'pci', domain: 0, bus: 3, slot: 16, function: 2, connections: 1 },
    ],
  });
  assert.equal(formatNetwork(n), xml);
  n.forward!.address![1].slot = 0x11;
  assert.equal(formatNetwork(n), xml.replace(`slot='0x10'`, `slot='0x11'`));
});

test('network: passthrough with pf, vepa interface pool, virtualport and portgroups', () => {
  const xml = `<network trustGuestRxFilters='no'>
  <name>vepa-net</name>
  <uuid>81ff0d90-c91e-6742-64da-4a736edb9a8b</uuid>
  <forward dev='eth1' mode='vepa'>
    <pf dev='eth0'/>
    <interface dev='eth1'/>
    <interface dev='eth2'/>
  </forward>
  <vlan>
    <tag id='42'/>
  </vlan>
  <virtualport type='802.1Qbg'>
    <parameters managerid='11' typeid='1193047' typeidversion='2'/>
  </virtualport>
  <portgroup name='bob' default='yes'>
    <vlan trunk='yes'>
      <tag id='666' nativeMode='tagged'/>
    </vlan>
    <virtualport type='802.1Qbg'>
      <parameters typeid='2193047' typeidversion='3'/>
    </virtualport>
    <bandwidth>
      <inbound average='1000'/>
    </bandwidth>
  </portgroup>
  <portgroup name='alice' trustGuestRxFilters='yes'>
    <virtualport>
      <parameters profileid='alice-profile'/>
    </virtualport>
  </portgroup>
</network>
`;
  const n = parseNetwork(xml);
  assert.equal(n.forward!.mode, 'vepa');
  assert.deepEqual(n.forward!.pf, { dev: 'eth0' });
  assert.deepEqual(n.forward!.interface, [{ dev: 'eth1' }, { dev: 'eth2' }]);
  assert.deepEqual(n.vlan, { tag: [{ id: 42 }] });
  assert.deepEqual(n.virtualport, { type: '802.1Qbg', parameters: { managerid: 11, typeid: 1193047, typeidversion: 2 } });
  assert.equal(n.portgroup!.length, 2);
  assert.deepEqual(n.portgroup![0], {
    name: 'bob',
    default: true,
    vlan: { trunk: true, tag: [{ id: 666, nativeMode: 'tagged' }] },
    virtualport: { type: '802.1Qbg', parameters: { typeid: 2193047, typeidversion: 3 } },
    bandwidth: { inbound: { average: 1000 } },
  });
  assert.deepEqual(n.portgroup![1], { name: 'alice', trustGuestRxFilters: true, virtualport: { parameters: { profileid: 'alice-profile' } } });
  assert.equal(formatNetwork(n), xml);
});

test('network: metadata and dnsmasq options namespace survive', () => {
  const xml = `<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
  <name>default</name>
  <uuid>81ff0d90-c91e-6742-64da-4a736edb9a9b</uuid>
  <metadata>
    <app1:foo xmlns:app1='http://foo.org/'>fooish</app1:foo>
  </metadata>
  <bridge name='virbr0' stp='on' delay='0'/>
  <dnsmasq:options>
    <dnsmasq:option value='foo=bar'/>
    <dnsmasq:option value='cname=*.cloudapps.example.com,master.example.com'/>
  </dnsmasq:options>
</network>
`;
  const n = parseNetwork(xml);
  assert.deepEqual(n.options, { option: [{ value: 'foo=bar' }, { value: 'cname=*.cloudapps.example.com,master.example.com' }] });
  assert.equal(n.metadata!.content!.length > 0, true);
  assert.equal(formatNetwork(n), xml);
  n.options!.option!.push({ value: 'log-queries' });
  assert.equal(
    formatNetwork(n),
    xml.replace(`  </dnsmasq:options>`, `    <dnsmasq:option value='log-queries'/>\n  </dnsmasq:options>`),
  );
});

test('network: root attributes beside the dnsmasq namespace declaration', () => {
  // libvirt writes the namespace declaration first; the values survive a round trip.
  const xml = `<network xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0' connections='3' ipv6='yes' trustGuestRxFilters='yes'>
  <name>default</name>
  <dnsmasq:options>
    <dnsmasq:option value='foo=bar'/>
  </dnsmasq:options>
</network>
`;
  const n = parseNetwork(xml);
  assert.equal(n.connections, 3);
  assert.equal(n.ipv6, true);
  assert.equal(n.trustGuestRxFilters, true);
  const again = parseNetwork(formatNetwork(n));
  assert.equal(again.connections, 3);
  assert.equal(again.ipv6, true);
  assert.equal(again.trustGuestRxFilters, true);
  assert.deepEqual(again.options, { option: [{ value: 'foo=bar' }] });
});

test('network: built from a typed object literal', () => {
  const n: Network = routedNetwork();
  assert.equal(
    formatNetwork(n),
    `<network>
  <name>isolated</name>
  <uuid>eb486e5c-4df5-42ee-ae4a-ad8557998d00</uuid>
  <forward dev='eth0' mode='route'/>
  <bridge name='virbr5' stp='off' delay='2'/>
  <domain name='lab.example' localOnly='yes'/>
  <dns enable='no'/>
  <ip address='10.1.0.1' prefix='24'>
    <dhcp>
      <range start='10.1.0.100' end='10.1.0.200'/>
      <host mac='52:54:00:aa:bb:cc' ip='10.1.0.5'/>
    </dhcp>
  </ip>
  <route address='10.9.0.0' prefix='16' gateway='10.1.0.254'/>
  <portgroup name='ovs'>
    <virtualport type='openvswitch'>
      <parameters profileid='p1'/>
    </virtualport>
  </portgroup>
  <dnsmasq:options xmlns:dnsmasq='http://libvirt.org/schemas/network/dnsmasq/1.0'>
    <dnsmasq:option value='dhcp-authoritative'/>
  </dnsmasq:options>
</network>
`,
  );
});

test('network: unknown attributes and elements survive', () => {
  const xml = `<network future='1'>
  <name>x</name>
  <forward mode='nat' extra='y'>
    <nat>
      <port start='1024' end='65535' step='2'/>
    </nat>
    <newthing/>
  </forward>
  <bridge name='virbr9' color='blue'/>
  <ip address='192.168.1.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.1.2' end='192.168.1.9'>
        <lease expiry='5' unit='hours' grace='1'/>
        <other/>
      </range>
    </dhcp>
  </ip>
  <unknown a='b'>text</unknown>
</network>
`;
  const n = parseNetwork(xml);
  assert.equal(n.forward!.mode, 'nat');
  assert.deepEqual(n.forward!.nat!.port!.start, 1024);
  assert.equal(n.bridge!.name, 'virbr9');
  assert.equal(formatNetwork(n), xml);
  n.bridge!.name = 'virbr10';
  assert.equal(formatNetwork(n), xml.replace(`virbr9`, `virbr10`));
});

// ---------------------------------------------------------------------------
// <networkport>

const portHeader = `<networkport>
  <uuid>5d744f21-ba4a-4d6e-bdb2-30a35ff3207d</uuid>
  <owner>
    <name>memtest</name>
    <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>
  </owner>
`;

test('networkport: network plug with bandwidth, vlan, port options and rxfilters', () => {
  const xml = `${portHeader}  <group>web1</group>
  <mac address='52:54:00:7b:35:93'/>
  <virtualport type='openvswitch'>
    <parameters profileid='menial' interfaceid='09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f'/>
  </virtualport>
  <bandwidth classID='1729'>
    <inbound average='1000' peak='4000' floor='2000' burst='1024'/>
    <outbound average='128' peak='256' burst='32768'/>
  </bandwidth>
  <vlan trunk='yes'>
    <tag id='2'/>
    <tag id='1729'/>
  </vlan>
  <port isolated='yes'/>
  <rxfilters trustGuest='yes'/>
  <plug type='network' bridge='virbr0' macTableManager='kernel'/>
</networkport>
`;
  const p = parseNetworkPort(xml);
  assert.equal(p.uuid, '5d744f21-ba4a-4d6e-bdb2-30a35ff3207d');
  assert.deepEqual(p.owner, { name: 'memtest', uuid: 'd54df46f-1ab5-4a22-8618-4560ef5fac2c' });
  assert.equal(p.group, 'web1');
  assert.deepEqual(p.mac, { address: '52:54:00:7b:35:93' });
  assert.deepEqual(p.virtualport, {
    type: 'openvswitch',
    parameters: { profileid: 'menial', interfaceid: '09b11c53-8b5c-4eeb-8f00-d84eaa0aaa4f' },
  });
  assert.deepEqual(p.bandwidth, {
    classID: 1729,
    inbound: { average: 1000, peak: 4000, floor: 2000, burst: 1024 },
    outbound: { average: 128, peak: 256, burst: 32768 },
  });
  assert.deepEqual(p.vlan, { trunk: true, tag: [{ id: 2 }, { id: 1729 }] });
  assert.deepEqual(p.port, { isolated: true });
  assert.deepEqual(p.rxfilters, { trustGuest: true });
  assert.deepEqual(p.plug, { type: 'network', bridge: 'virbr0', macTableManager: 'kernel' });
  assert.equal(formatNetworkPort(p), xml);
  p.rxfilters!.trustGuest = false;
  assert.equal(formatNetworkPort(p), xml.replace(`trustGuest='yes'`, `trustGuest='no'`));
});

test('networkport: bridge, direct and hostdev-pci plugs', () => {
  const bridge = parseNetworkPort(`${portHeader}  <mac address='52:54:00:7b:35:93'/>
  <plug type='bridge' bridge='br0' macTableManager='libvirt'/>
</networkport>
`);
  assert.deepEqual(bridge.plug, { type: 'bridge', bridge: 'br0', macTableManager: 'libvirt' });

  const directXml = `${portHeader}  <mac address='52:54:00:7b:35:93'/>
  <plug type='direct' dev='ens3' mode='vepa'/>
</networkport>
`;
  const direct = parseNetworkPort(directXml);
  assert.deepEqual(direct.plug, { type: 'direct', dev: 'ens3', mode: 'vepa' });
  if (direct.plug?.type === 'direct') direct.plug.mode = 'passthrough';
  assert.equal(formatNetworkPort(direct), directXml.replace(`mode='vepa'`, `mode='passthrough'`));

  const hostdevXml = `${portHeader}  <mac address='52:54:00:7b:35:93'/>
  <plug type='hostdev-pci' managed='no'>
    <driver name='vfio'/>
    <address domain='0x0001' bus='0x02' slot='0x03' function='0x4'/>
  </plug>
</networkport>
`;
  const hostdev = parseNetworkPort(hostdevXml);
  assert.deepEqual(hostdev.plug, {
    type: 'hostdev-pci',
    managed: false,
    driver: { name: 'vfio' },
    address: { domain: 1, bus: 2, slot: 3, function: 4 },
  });
  assert.equal(formatNetworkPort(hostdev), hostdevXml);
});

test('networkport: built from a typed object literal', () => {
  const p: NetworkPort = {
    uuid: '5d744f21-ba4a-4d6e-bdb2-30a35ff3207d',
    owner: { name: 'vm1', uuid: 'd54df46f-1ab5-4a22-8618-4560ef5fac2c' },
    mac: { address: '52:54:00:00:00:01' },
    vlan: { tag: [{ id: 10 }] },
    plug: { type: 'hostdev-pci', managed: true, address: { domain: 0, bus: 0x81, slot: 0x10, function: 2 } },
  };
  assert.equal(
    formatNetworkPort(p),
    `<networkport>
  <uuid>5d744f21-ba4a-4d6e-bdb2-30a35ff3207d</uuid>
  <owner>
    <name>vm1</name>
    <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>
  </owner>
  <mac address='52:54:00:00:00:01'/>
  <vlan>
    <tag id='10'/>
  </vlan>
  <plug type='hostdev-pci' managed='yes'>
    <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>
  </plug>
</networkport>
`,
  );
});

test('networkport: unknown attributes and elements survive', () => {
  const xml = `${portHeader}  <mac address='52:54:00:7b:35:93' extra='1'/>
  <plug type='bridge' bridge='virbr0' future='x'>
    <child/>
  </plug>
  <later/>
</networkport>
`;
  const p = parseNetworkPort(xml);
  assert.deepEqual(p.plug?.type, 'bridge');
  assert.equal(formatNetworkPort(p), xml);
});

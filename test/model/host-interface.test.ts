import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHostInterface, formatHostInterface, type HostInterface } from '../../src/index.js';

const bridgeXml = `<interface type='bridge' name='br0'>
  <start mode='onboot'/>
  <mtu size='1500'/>
  <protocol family='ipv4'>
    <dhcp peerdns='no'/>
  </protocol>
  <protocol family='ipv6'>
    <autoconf/>
    <ip address='3ffe:ffff:0:5::1' prefix='128'/>
    <route gateway='3ffe:ffff:1234:5678::1'/>
  </protocol>
  <bridge stp='off' delay='0.01'>
    <interface type='ethernet' name='eth0'>
      <link speed='1000' state='up'/>
      <mac address='ab:bb:cc:dd:ee:ff'/>
    </interface>
    <interface type='vlan' name='eth1.42'>
      <vlan tag='42'>
        <interface name='eth1'/>
      </vlan>
    </interface>
    <interface type='bond' name='bond0'>
      <bond mode='active-backup'>
        <miimon freq='100' updelay='10' carrier='ioctl'/>
        <interface type='ethernet' name='eth2'/>
        <interface type='ethernet' name='eth3'/>
      </bond>
    </interface>
  </bridge>
</interface>
`;

test('bridge: typed start mode, MTU, both protocol families and the bridge ports by type', () => {
  const i = parseHostInterface(bridgeXml);
  assert.equal(i.type, 'bridge');
  assert.equal(i.name, 'br0');
  assert.deepEqual(i.start, { mode: 'onboot' });
  assert.deepEqual(i.mtu, { size: 1500 });
  assert.deepEqual(i.protocol, [
    { family: 'ipv4', dhcp: { peerdns: false } },
    { family: 'ipv6', autoconf: true, ip: [{ address: '3ffe:ffff:0:5::1', prefix: 128 }], route: { gateway: '3ffe:ffff:1234:5678::1' } },
  ]);
  if (i.type !== 'bridge') return;
  assert.equal(i.bridge!.stp, false);
  assert.equal(i.bridge!.delay, 0.01);
  assert.deepEqual(i.bridge!.interface, [
    { type: 'ethernet', name: 'eth0', link: { speed: 1000, state: 'up' }, mac: { address: 'ab:bb:cc:dd:ee:ff' } },
    { type: 'vlan', name: 'eth1.42', vlan: { tag: 42, interface: { name: 'eth1' } } },
    {
      type: 'bond',
      name: 'bond0',
      bond: {
        mode: 'active-backup',
        miimon: { freq: 100, updelay: 10, carrier: 'ioctl' },
        interface: [
          { type: 'ethernet', name: 'eth2' },
          { type: 'ethernet', name: 'eth3' },
        ],
      },
    },
  ]);
  assert.equal(formatHostInterface(i), bridgeXml);
});

test('bridge: changing values changes exactly those places', () => {
  const i = parseHostInterface(bridgeXml);
  if (i.type !== 'bridge') throw new Error('expected a bridge');
  i.mtu = { size: 9000 };
  i.bridge!.stp = true;
  const port = i.bridge!.interface![0];
  if (port.type !== 'ethernet') throw new Error('expected an ethernet port');
  port.link = { state: 'down' };
  const expected = bridgeXml
    .replace("<mtu size='1500'/>", "<mtu size='9000'/>")
    .replace("<bridge stp='off'", "<bridge stp='on'")
    .replace("<link speed='1000' state='up'/>", "<link state='down'/>");
  assert.equal(formatHostInterface(i), expected);
});

test('bond with ARP monitoring', () => {
  const xml = `<interface type='bond' name='bond0'>
  <start mode='none'/>
  <protocol family='ipv4'>
    <ip address='192.168.50.7' prefix='24'/>
    <route gateway='192.168.50.1'/>
  </protocol>
  <link state='up'/>
  <bond mode='802.3ad'>
    <arpmon interval='100' target='192.168.50.1' validate='all'/>
    <interface type='ethernet' name='eth1'/>
  </bond>
</interface>
`;
  const i = parseHostInterface(xml);
  if (i.type !== 'bond') throw new Error('expected a bond');
  assert.deepEqual(i.link, { state: 'up' });
  assert.deepEqual(i.bond, {
    mode: '802.3ad',
    arpmon: { interval: 100, target: '192.168.50.1', validate: 'all' },
    interface: [{ type: 'ethernet', name: 'eth1' }],
  });
  assert.equal(formatHostInterface(i), xml);
});

test('a VLAN interface built in code', () => {
  const vlan: HostInterface = {
    type: 'vlan',
    name: 'eth0.42',
    start: { mode: 'hotplug' },
    protocol: [{ family: 'ipv4', dhcp: {}, ip: [{ address: '10.0.0.2', prefix: 8 }] }],
    link: { speed: 100 },
    vlan: { tag: 42, interface: { name: 'eth0' } },
  };
  assert.equal(
    formatHostInterface(vlan),
    `<interface type='vlan' name='eth0.42'>
  <start mode='hotplug'/>
  <protocol family='ipv4'>
    <dhcp/>
    <ip address='10.0.0.2' prefix='8'/>
  </protocol>
  <link speed='100'/>
  <vlan tag='42'>
    <interface name='eth0'/>
  </vlan>
</interface>
`,
  );
});

test('an ethernet interface built in code: link before MAC, as libvirt writes it', () => {
  const eth: HostInterface = {
    type: 'ethernet',
    name: 'eth0',
    start: { mode: 'onboot' },
    mtu: { size: 1492 },
    protocol: [{ family: 'ipv6', autoconf: true, dhcp: { peerdns: true } }],
    mac: { address: 'aa:bb:cc:dd:ee:ff' },
    link: { state: 'lowerlayerdown' },
  };
  assert.equal(
    formatHostInterface(eth),
    `<interface type='ethernet' name='eth0'>
  <start mode='onboot'/>
  <mtu size='1492'/>
  <protocol family='ipv6'>
    <autoconf/>
    <dhcp peerdns='yes'/>
  </protocol>
  <link state='lowerlayerdown'/>
  <mac address='aa:bb:cc:dd:ee:ff'/>
</interface>
`,
  );
});

test('unknown attributes and elements inside host interface elements survive', () => {
  const xml = `<interface type='ethernet' name='eth0' extra='x'>
  <start mode='onboot' when='later'/>
  <protocol family='ipv4'>
    <dhcp/>
    <dhcp6/>
  </protocol>
  <ethtool speed='10'/>
  <mac address='aa:bb:cc:dd:ee:ff'/>
</interface>
`;
  const i = parseHostInterface(xml);
  assert.deepEqual(i.start, { mode: 'onboot', $xml: { attrs: { when: 'later' } } });
  if (i.type !== 'ethernet') throw new Error('expected ethernet');
  assert.deepEqual(i.mac, { address: 'aa:bb:cc:dd:ee:ff' });
  assert.equal(formatHostInterface(i), xml);
});

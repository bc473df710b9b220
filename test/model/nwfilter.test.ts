import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseFilter,
  formatFilter,
  parseFilterBinding,
  formatFilterBinding,
  parseDomain,
  type Filter,
  type FilterBinding,
} from '../../src/index.js';
import type { InterfaceFilterref } from '../../src/model/domain/interface.js';
import { stpFilter } from '../support/built.js';

test('filter: attributes, uuid, filterref parameters and typed rule attributes', () => {
  const xml = `<filter name='no-ip-spoofing' chain='ipv4' priority='-650'>
  <uuid>fce8ae33-e69e-83bf-262e-30786c1f8072</uuid>
  <filterref filter='clean-traffic'>
    <parameter name='IP' value='10.0.0.1'/>
    <parameter name='IP' value='10.0.0.2'/>
  </filterref>
  <rule action='drop' direction='out' priority='500' statematch='false'>
    <ip match='no' srcipaddr='$IP' srcipmask='$MASK[@1]' protocol='udp' dstportstart='0x35' dscp='2'/>
  </rule>
</filter>
`;
  const f = parseFilter(xml);
  assert.equal(f.name, 'no-ip-spoofing');
  assert.equal(f.chain, 'ipv4');
  assert.equal(f.priority, -650);
  assert.equal(f.uuid, 'fce8ae33-e69e-83bf-262e-30786c1f8072');
  assert.deepEqual(f.filterref, [
    {
      filter: 'clean-traffic',
      parameter: [
        { name: 'IP', value: '10.0.0.1' },
        { name: 'IP', value: '10.0.0.2' },
      ],
    },
  ]);
  const r = f.rule![0];
  assert.equal(r.action, 'drop');
  assert.equal(r.direction, 'out');
  assert.equal(r.priority, 500);
  assert.equal(r.statematch, 'false');
  // Variables and hex values are kept as written: numbers are strings here.
  assert.deepEqual(r.ip, [{ match: false, srcipaddr: '$IP', srcipmask: '$MASK[@1]', protocol: 'udp', dstportstart: '0x35', dscp: '2' }]);
  assert.equal(formatFilter(f), xml);
});

test('filter: hyphenated attributes and elements map to camelCase properties', () => {
  const xml = `<filter name='t' chain='stp-xyz'>
  <rule action='continue' direction='in'>
    <stp srcmacaddr='1:2:3:4:5:6' type='0x12' root-priority='0x1234' root-priority-hi='0x2345' root-cost='287454020' forward-delay-hi='65432'/>
  </rule>
  <rule action='accept' direction='inout'>
    <tcp-ipv6 srcipaddr='a:b:c::' srcipmask='128' connlimit-above='3' dstportstart='22' flags='SYN/SYN,ACK'/>
  </rule>
  <rule action='accept' direction='in'>
    <vlan vlanid='0x123' encap-protocol='ipv4'/>
  </rule>
</filter>
`;
  const f = parseFilter(xml);
  assert.deepEqual(f.rule![0].stp, [
    { srcmacaddr: '1:2:3:4:5:6', type: '0x12', rootPriority: '0x1234', rootPriorityHi: '0x2345', rootCost: '287454020', forwardDelayHi: '65432' },
  ]);
  assert.deepEqual(f.rule![1].tcpIpv6, [{ srcipaddr: 'a:b:c::', srcipmask: '128', connlimitAbove: '3', dstportstart: '22', flags: 'SYN/SYN,ACK' }]);
  assert.deepEqual(f.rule![2].vlan, [{ vlanid: '0x123', encapProtocol: 'ipv4' }]);
  assert.equal(formatFilter(f), xml);
});

test('filter: a rule split by libvirt into a plain and a negated element keeps both', () => {
  const xml = `<filter name='testcase' chain='root'>
  <rule action='accept' direction='in' priority='100'>
    <tcp comment='comment'/>
    <tcp match='no' srcipaddr='10.1.2.3' srcipmask='32' srcportstart='22' dstportstart='22'/>
  </rule>
</filter>
`;
  const f = parseFilter(xml);
  assert.deepEqual(f.rule![0].tcp, [
    { comment: 'comment' },
    { match: false, srcipaddr: '10.1.2.3', srcipmask: '32', srcportstart: '22', dstportstart: '22' },
  ]);
  assert.equal(formatFilter(f), xml);
});

test('filter: the interleaving of references and rules is kept, and rule order', () => {
  const xml = `<filter name='mix'>
  <rule action='accept' direction='out' priority='100'>
    <arp opcode='Request' gratuitous='true'/>
  </rule>
  <filterref filter='first'/>
  <rule action='drop' direction='out'>
    <mac protocolid='arp'/>
  </rule>
  <filterref filter='second'/>
  <rule action='accept' direction='in'/>
</filter>
`;
  const f = parseFilter(xml);
  assert.deepEqual(
    f.filterref!.map((r) => r.filter),
    ['first', 'second'],
  );
  assert.deepEqual(
    f.rule!.map((r) => r.action),
    ['accept', 'drop', 'accept'],
  );
  assert.deepEqual(f.rule![0].arp, [{ opcode: 'Request', gratuitous: 'true' }]);
  assert.deepEqual(f.rule![2], { action: 'accept', direction: 'in' });
  assert.equal(formatFilter(f), xml);
  // Through JSON too.
  assert.equal(formatFilter(JSON.parse(JSON.stringify(f)) as Filter), xml);
});

test('filter: changing a value changes exactly that place in the XML', () => {
  const xml = `<filter name='t' chain='root'>
  <uuid>5c6d49af-b071-6127-b4ec-6f8ed4b55335</uuid>
  <rule action='accept' direction='out' priority='0x1234'>
    <udp srcmacaddr='01:02:03:04:05:06' dstipaddr='10.1.2.3' dstipmask='32' dscp='0x22' srcportstart='0x123'/>
  </rule>
</filter>
`;
  const f = parseFilter(xml);
  assert.equal(f.rule![0].priority, 0x1234);
  f.rule![0].udp![0].dstipaddr = '10.9.9.9';
  f.rule![0].direction = 'in';
  const expected = xml.replace("dstipaddr='10.1.2.3'", "dstipaddr='10.9.9.9'").replace("direction='out'", "direction='in'");
  // The hex spelling of the unchanged priority is kept.
  assert.equal(formatFilter(f), expected);
  f.rule![0].priority = 200;
  assert.equal(formatFilter(f), expected.replace("priority='0x1234'", "priority='200'"));
});

test('filter: built in code and formatted in libvirt attribute order', () => {
  const f: Filter = stpFilter();
  assert.equal(
    formatFilter(f),
    `<filter name='built' chain='stp' priority='-810'>
  <uuid>01a992d2-f8c8-7c27-f69b-ab0a9d377379</uuid>
  <filterref filter='clean-traffic'>
    <parameter name='MAC' value='52:54:00:7b:35:93'/>
  </filterref>
  <rule action='drop' direction='inout' priority='-100'>
    <stp match='no' srcmacaddr='$MAC' type='0' sender-address='01:02:03:04:05:06' comment='no BPDUs'/>
  </rule>
  <rule action='accept' direction='in' statematch='0'>
    <icmp srcipaddr='$IP' state='NEW,ESTABLISHED' ipset='blocked' ipsetflags='src,dst' type='8' code='0' comment='ping'/>
  </rule>
</filter>
`,
  );
});

test('filter: unknown attributes and elements inside the filter survive', () => {
  const xml = `<filter name='t' x-extra='1'>
  <rule action='accept' direction='in' future='yes'>
    <tcp srcportstart='22' srcporttend='24'/>
    <future-protocol a='b'/>
  </rule>
  <note>kept</note>
</filter>
`;
  const problems: string[] = [];
  const f = parseFilter(xml, { report: (p) => problems.push(p) });
  assert.deepEqual(f.rule![0].tcp, [{ srcportstart: '22', $xml: { attrs: { srcporttend: '24' } } }]);
  assert.deepEqual(problems.sort(), [
    '/filter/@x-extra',
    '/filter/note[1]',
    '/filter/rule[1]/@future',
    '/filter/rule[1]/future-protocol[1]',
    '/filter/rule[1]/tcp[1]/@srcporttend',
  ]);
  assert.equal(formatFilter(f), xml);
});

test('filter: the filterref definition is the one of a domain interface', () => {
  const f = parseFilter(`<filter name='t'><filterref filter='clean-traffic'><parameter name='IP' value='1.2.3.4'/></filterref></filter>`);
  const d = parseDomain(
    `<domain type='kvm'><name>t</name><devices><interface type='network'><source network='default'/><filterref filter='clean-traffic'><parameter name='IP' value='1.2.3.4'/></filterref></interface></devices></domain>`,
  );
  const fromInterface: InterfaceFilterref = d.devices!.interface![0].filterref!;
  const fromFilter: InterfaceFilterref = f.filterref![0];
  assert.deepEqual(fromFilter, fromInterface);
});

test('filterbinding: parse, edit and build', () => {
  const xml = `<filterbinding>
  <owner>
    <name>memtest</name>
    <uuid>d54df46f-1ab5-4a22-8618-4560ef5fac2c</uuid>
  </owner>
  <portdev name='vnet0'/>
  <linkdev name='eth0'/>
  <mac address='52:54:00:7b:35:93'/>
  <filterref filter='clean-traffic'>
    <parameter name='MAC' value='52:54:00:7b:35:93'/>
  </filterref>
</filterbinding>
`;
  const b = parseFilterBinding(xml);
  assert.deepEqual(b.owner, { name: 'memtest', uuid: 'd54df46f-1ab5-4a22-8618-4560ef5fac2c' });
  assert.deepEqual(b.portdev, { name: 'vnet0' });
  assert.deepEqual(b.linkdev, { name: 'eth0' });
  assert.deepEqual(b.mac, { address: '52:54:00:7b:35:93' });
  assert.deepEqual(b.filterref, { filter: 'clean-traffic', parameter: [{ name: 'MAC', value: '52:54:00:7b:35:93' }] });
  assert.equal(formatFilterBinding(b), xml);

  b.portdev!.name = 'vnet7';
  assert.equal(formatFilterBinding(b), xml.replace("'vnet0'", "'vnet7'"));

  const built: FilterBinding = {
    owner: { name: 'vm1', uuid: 'aa6c7af2-45a7-477c-85a2-fe86d9f2514e' },
    portdev: { name: 'tap3' },
    mac: { address: '52:54:00:00:00:01' },
    filterref: { filter: 'no-arp-spoofing' },
  };
  assert.equal(
    formatFilterBinding(built),
    `<filterbinding>
  <owner>
    <name>vm1</name>
    <uuid>aa6c7af2-45a7-477c-85a2-fe86d9f2514e</uuid>
  </owner>
  <portdev name='tap3'/>
  <mac address='52:54:00:00:00:01'/>
  <filterref filter='no-arp-spoofing'/>
</filterbinding>
`,
  );
});

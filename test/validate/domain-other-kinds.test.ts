// Semantic checks of the kinds other than domain that share the domain checks' helpers:
// network DHCP settings and nwfilter priorities.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFilter, parseNetwork } from '../../src/index.js';
import type { Problem } from '../../src/schema/problem.js';
import { semanticChecks } from '../../src/validate/semantic.js';
import { brief } from './domain-support.js';

function checkNetwork(xml: string): Problem[] {
  const positions = new WeakMap<object, { line: number; column: number }>();
  const net = parseNetwork(xml, { positions });
  return semanticChecks.network!.flatMap((c) => c(net, { positions }));
}

function checkFilter(xml: string): Problem[] {
  const positions = new WeakMap<object, { line: number; column: number }>();
  const filter = parseFilter(xml, { positions });
  return semanticChecks.filter!.flatMap((c) => c(filter, { positions }));
}

/** A network whose DHCP ranges and hosts start on line 6. */
const network = (ip: string, dhcp: string[]) => `<network>
  <name>default</name>
  <bridge name='virbr0'/>
  <ip ${ip}>
    <dhcp>
${dhcp.map((d) => `      ${d}`).join('\n')}
    </dhcp>
  </ip>
</network>`;

test('a DHCP range outside the network, and a reversed one', () => {
  const problems = checkNetwork(
    network("address='192.168.122.1' netmask='255.255.255.0'", ["<range start='192.168.122.2' end='192.168.123.254'/>", "<range start='192.168.122.200' end='192.168.122.100'/>"]),
  );
  assert.deepEqual(brief(problems), [
    { rule: 'network-dhcp-range', severity: 'error', path: '/network/ip[1]/dhcp/range[1]', line: 6 },
    { rule: 'network-dhcp-range', severity: 'error', path: '/network/ip[1]/dhcp/range[2]', line: 7 },
  ]);
  assert.match(problems[0].message, /not entirely within the network 192\.168\.122\.1\/24/);
});

test('IPv6 ranges inside the prefix pass', () => {
  const xml = network("family='ipv6' address='2001:db8:ca2:2::1' prefix='64'", ["<range start='2001:db8:ca2:2:1::10' end='2001:db8:ca2:2:1::ff'/>"]);
  assert.deepEqual(checkNetwork(xml), []);
  const outside = network("family='ipv6' address='2001:db8:ca2:2::1' prefix='64'", ["<range start='2001:db8:ca2:3::10' end='2001:db8:ca2:3::ff'/>"]);
  assert.deepEqual(brief(checkNetwork(outside)).map((p) => p.rule), ['network-dhcp-range']);
});

test('DHCP hosts with one MAC or one address are warnings; an address outside the network too', () => {
  const problems = checkNetwork(
    network("address='192.168.122.1' prefix='24'", [
      "<range start='192.168.122.100' end='192.168.122.254'/>",
      "<host mac='52:54:00:00:00:01' name='a' ip='192.168.122.10'/>",
      "<host mac='52:54:00:00:00:01' name='b' ip='192.168.122.11'/>",
      "<host mac='52:54:00:00:00:03' name='c' ip='192.168.122.10'/>",
      "<host mac='52:54:00:00:00:04' name='d' ip='10.0.0.4'/>",
    ]),
  );
  assert.deepEqual(brief(problems), [
    { rule: 'duplicate-dhcp-host-mac', severity: 'warning', path: '/network/ip[1]/dhcp/host[2]/@mac', line: 8 },
    { rule: 'duplicate-dhcp-host-ip', severity: 'warning', path: '/network/ip[1]/dhcp/host[3]/@ip', line: 9 },
    { rule: 'network-dhcp-host-subnet', severity: 'warning', path: '/network/ip[1]/dhcp/host[4]/@ip', line: 10 },
  ]);
});

test('distinct DHCP hosts inside the network pass (classful default prefix)', () => {
  const xml = network("address='10.0.0.1'", ["<range start='10.1.0.2' end='10.1.0.254'/>", "<host mac='52:54:00:00:00:01' ip='10.2.0.1'/>", "<host mac='52:54:00:00:00:02' ip='10.2.0.2'/>"]);
  assert.deepEqual(checkNetwork(xml), []);
});

test('nwfilter priorities: chain out of range is an error, a rule out of range is ignored by libvirt', () => {
  const xml = `<filter name='t' chain='ipv4' priority='-1500'>
  <rule action='accept' direction='in' priority='500'/>
  <rule action='drop' direction='out' priority='1001'/>
</filter>`;
  assert.deepEqual(brief(checkFilter(xml)), [
    { rule: 'nwfilter-chain-priority', severity: 'error', path: '/filter/@priority', line: 1 },
    { rule: 'nwfilter-rule-priority', severity: 'warning', path: '/filter/rule[2]/@priority', line: 3 },
  ]);
  assert.deepEqual(checkFilter(xml.replace("priority='-1500'", "priority='-1000'").replace("priority='1001'", "priority='1000'")), []);
});

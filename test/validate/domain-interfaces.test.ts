import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkInterfaces } from '../../src/validate/domain/interfaces.js';
import { brief, guest, run } from './domain-support.js';

const nic = (mac: string, extra = '') => `    <interface type='network'>\n      <mac address='${mac}'/>\n      <source network='default'/>${extra}\n    </interface>`;

test('a malformed MAC address', () => {
  const problems = run(checkInterfaces, guest(nic('52:54:00:12:34')));
  assert.deepEqual(brief(problems), [{ rule: 'mac-malformed', severity: 'error', path: '/domain/devices/interface[1]/mac/@address', line: 6 }]);
  assert.equal(problems[0].value, '52:54:00:12:34');
});

test('a multicast MAC address (odd first octet)', () => {
  const problems = run(checkInterfaces, guest(nic('01:00:5e:00:00:01')));
  assert.deepEqual(brief(problems), [{ rule: 'mac-multicast', severity: 'error', path: '/domain/devices/interface[1]/mac/@address', line: 6 }]);
  assert.match(problems[0].message, /first octet 01 is odd/);
});

test('two interfaces with one MAC address is a warning, unless they form a failover team', () => {
  assert.deepEqual(brief(run(checkInterfaces, guest([nic('52:54:00:12:34:56'), nic('52:54:00:12:34:56')].join('\n')))), [
    { rule: 'duplicate-mac', severity: 'warning', path: '/domain/devices/interface[2]/mac/@address', line: 10 },
  ]);
  const team = [nic('52:54:00:12:34:56', "\n      <teaming type='persistent'/>"), nic('52:54:00:12:34:56', "\n      <teaming type='transient' persistent='ua-net0'/>")];
  assert.deepEqual(run(checkInterfaces, guest(team.join('\n'))), []);
});

test('unicast MAC addresses, short groups included, pass', () => {
  assert.deepEqual(run(checkInterfaces, guest([nic('52:54:00:12:34:56'), nic('2:0:0:0:0:1')].join('\n'))), []);
});

test('virtio queue sizes must be powers of two', () => {
  const xml = guest("    <interface type='user'>\n      <model type='virtio'/>\n      <driver rx_queue_size='511' tx_queue_size='512'/>\n    </interface>");
  const problems = run(checkInterfaces, xml);
  assert.deepEqual(brief(problems), [{ rule: 'interface-queue-size', severity: 'error', path: '/domain/devices/interface[1]/driver/@rx_queue_size', line: 7 }]);
  assert.deepEqual(run(checkInterfaces, xml.replace("'511'", "'256'")), []);
});

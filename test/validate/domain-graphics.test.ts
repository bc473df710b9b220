import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkGraphics } from '../../src/validate/domain/graphics.js';
import { brief, guest, run } from './domain-support.js';

test('a fixed VNC port below 5900', () => {
  const problems = run(checkGraphics, guest("    <graphics type='vnc' port='5800' autoport='no'/>"));
  assert.deepEqual(brief(problems), [{ rule: 'graphics-vnc-port', severity: 'error', path: '/domain/devices/graphics[1]/@port', line: 5 }]);
  assert.match(problems[0].message, /expected -1 \(autoport\) or 5900-65535/);
});

test('ports that are not TCP ports', () => {
  const xml = guest(["    <graphics type='spice' port='70000' tlsPort='-2' autoport='no'/>", "    <graphics type='vnc' port='5901' websocket='65536'/>"].join('\n'));
  assert.deepEqual(brief(run(checkGraphics, xml)), [
    { rule: 'graphics-port-range', severity: 'error', path: '/domain/devices/graphics[1]/@port', line: 5 },
    { rule: 'graphics-port-range', severity: 'error', path: '/domain/devices/graphics[1]/@tlsPort', line: 5 },
    { rule: 'graphics-port-range', severity: 'error', path: '/domain/devices/graphics[2]/@websocket', line: 6 },
  ]);
});

test("a fixed port with autoport='yes' is a warning (libvirt drops it)", () => {
  const problems = run(checkGraphics, guest("    <graphics type='vnc' port='5901' autoport='yes'/>"));
  assert.deepEqual(brief(problems), [{ rule: 'graphics-port-ignored', severity: 'warning', path: '/domain/devices/graphics[1]/@port', line: 5 }]);
});

test('autoport, -1, fixed ports from 5900, websockets and sockets pass', () => {
  const xml = guest(
    [
      "    <graphics type='vnc' port='-1' autoport='yes' websocket='-1'/>",
      "    <graphics type='vnc' port='5905' autoport='no' websocket='5700'/>",
      "    <graphics type='spice' port='5903' tlsPort='5904' autoport='no'/>",
      "    <graphics type='vnc' socket='/run/vnc.sock'/>",
      "    <graphics type='rdp' port='3389'/>",
    ].join('\n'),
  );
  assert.deepEqual(run(checkGraphics, xml), []);
});

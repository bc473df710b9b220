/**
 * Graphics ports (formatdomain.rst "Graphical framebuffers"): a port is -1 (let libvirt
 * pick, the legacy spelling of autoport) or a TCP port; QEMU's VNC server numbers its
 * displays from 5900, so a fixed VNC port below that cannot be used. With autoport='yes'
 * libvirt drops a fixed port from the definition.
 */
import type { Domain, Graphics } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings, indexed } from './context.js';
import { devicePath } from './devices.js';

const PORT_MAX = 65535;
/** VNC display 0 (qemuBuildGraphicsVNCCommandLine refuses fixed ports below it). */
const VNC_FIRST_PORT = 5900;

type Networked = Extract<Graphics, { type: 'vnc' | 'spice' | 'rdp' }>;

export function checkGraphics(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  for (const [g, n] of indexed(dom.devices?.graphics)) {
    if (g.type !== 'vnc' && g.type !== 'spice' && g.type !== 'rdp') continue;
    const gr = g as Networked;
    const path = devicePath('graphics', n);
    const ports: [string, number | undefined][] = [['port', gr.port]];
    if (gr.type === 'spice') ports.push(['tlsPort', gr.tlsPort]);
    if (gr.type === 'vnc') ports.push(['websocket', gr.websocket]);

    for (const [name, value] of ports) {
      if (value === undefined) continue;
      if (value < -1 || value > PORT_MAX) {
        r.error({
          rule: 'graphics-port-range',
          path: `${path}/@${name}`,
          value,
          message: `${gr.type} ${name} ${value} is not a TCP port; expected -1 (chosen by libvirt) or 0-${PORT_MAX}`,
          at: [gr],
        });
        continue;
      }
      if (name === 'websocket') continue;
      if (gr.autoport === true && value > 0) {
        r.warning({
          rule: 'graphics-port-ignored',
          path: `${path}/@${name}`,
          value,
          message: `${gr.type} ${name} ${value} is ignored because autoport='yes'; expected autoport='no' to keep a fixed port`,
          at: [gr],
        });
      } else if (gr.type === 'vnc' && gr.autoport !== true && value !== -1 && gr.socket === undefined && value < VNC_FIRST_PORT) {
        r.error({
          rule: 'graphics-vnc-port',
          path: `${path}/@port`,
          value,
          message: `VNC port ${value} is below ${VNC_FIRST_PORT}; expected -1 (autoport) or ${VNC_FIRST_PORT}-${PORT_MAX}`,
          at: [gr],
        });
      }
    }
  }
  return r.problems;
}

/**
 * Host side of character devices (formatdomain.rst "Host interface"), as libvirt checks it
 * in virDomainChrSourceDefValidate: each type needs its own source attributes. The rule is
 * the same for serial, parallel, console and channel devices and for the devices that
 * tunnel through a character device (redirdev, smartcard passthrough, rng egd backend).
 */
import type { ChardevReconnect, Domain } from '../../model/domain/index.js';
import type { Problem } from '../../schema/problem.js';
import type { ValidateOptions } from '../index.js';
import { Findings } from './context.js';
import { isSerialConsoleCopy, listDevices } from './devices.js';

/** Every attribute any chardev `<source>` may have. */
interface AnySource {
  mode?: string;
  path?: string;
  host?: string;
  service?: string;
  channel?: string;
  master?: string;
  slave?: string;
  reconnect?: ChardevReconnect;
}

interface HostSide {
  /** Path of the device (or rng backend) that carries `type` and `<source>`. */
  path: string;
  owner: object;
  type: string;
  sources: AnySource[];
  /** Whether `<source>` is a repeated element here (udp devices, smartcard, rng). */
  sourceIsList: boolean;
  /** A virtio or xen channel: libvirt generates the socket path of a unix source. */
  generatedUnixPath: boolean;
  /** A redirdev: libvirt names the channel of a dbus source itself. */
  defaultChannel?: boolean;
}

/** Characters libvirt allows in a spiceport or dbus channel name. */
const CHANNEL_NAME = /^[A-Za-z0-9_.-]+$/;

function hostSides(dom: Domain): HostSide[] {
  const out: HostSide[] = [];
  for (const entry of listDevices(dom)) {
    const d = entry.device as { type?: string; mode?: string; source?: AnySource | AnySource[]; target?: { type?: string }; backend?: { model?: string; type?: string; source?: AnySource[] } };
    const asList = (s: AnySource | AnySource[] | undefined) => (s === undefined ? [] : Array.isArray(s) ? s : [s]);
    switch (entry.kind) {
      case 'serial':
      case 'parallel':
      case 'console':
      case 'channel':
      case 'redirdev':
        if (isSerialConsoleCopy(dom, entry)) break;
        out.push({
          path: entry.path,
          owner: entry.device,
          type: d.type ?? 'pty',
          sources: asList(d.source),
          sourceIsList: Array.isArray(d.source),
          generatedUnixPath: entry.kind === 'channel' && (d.target?.type === 'virtio' || d.target?.type === 'xen'),
          defaultChannel: entry.kind === 'redirdev',
        });
        break;
      case 'smartcard':
        if (d.mode === 'passthrough' && d.type !== undefined) {
          out.push({ path: entry.path, owner: entry.device, type: d.type, sources: asList(d.source), sourceIsList: true, generatedUnixPath: false });
        }
        break;
      case 'rng':
        if (d.backend?.model === 'egd' && d.backend.type !== undefined) {
          const b = d.backend;
          out.push({ path: `${entry.path}/backend`, owner: b, type: b.type!, sources: b.source ?? [], sourceIsList: true, generatedUnixPath: false });
        }
        break;
    }
  }
  return out;
}

export function checkChardevs(dom: Domain, options: ValidateOptions): Problem[] {
  const r = new Findings(options.positions);
  for (const side of hostSides(dom)) checkHostSide(r, side);
  return r.problems;
}

function checkHostSide(r: Findings, side: HostSide): void {
  const { type, sources } = side;
  const sourcePath = (i: number) => (side.sourceIsList ? `${side.path}/source[${i + 1}]` : `${side.path}/source`);
  const at = (i: number) => [side.owner, sources[i]];
  // Most types read one <source>; libvirt keeps the first of each mode.
  const first = sources[0];
  const missing = (attr: string, what: string) =>
    r.error({
      rule: 'chardev-source',
      path: `${sourcePath(0)}/@${attr}`,
      message: `a '${type}' character device needs ${what}; expected <source ${attr}='...'/>`,
      at: at(0),
    });

  switch (type) {
    case 'file':
    case 'dev':
    case 'pipe':
      if (first?.path === undefined) missing('path', 'a host path');
      break;
    case 'unix':
      if (first?.path === undefined && !side.generatedUnixPath) missing('path', 'a socket path (libvirt generates one only for virtio and xen channels)');
      break;
    case 'tcp':
      if (first?.host === undefined) missing('host', 'a host to listen on or connect to');
      else if (first.service === undefined) missing('service', 'a port (service)');
      break;
    case 'udp': {
      if (sources.length > 2) {
        r.error({
          rule: 'chardev-source',
          path: sourcePath(2),
          message: `a 'udp' character device has ${sources.length} sources; expected at most two (one mode='bind', one mode='connect')`,
          at: at(2),
        });
      }
      const connect = sources.find((s) => s.mode !== 'bind');
      if (connect?.service === undefined) {
        const i = connect ? sources.indexOf(connect) : 0;
        r.error({
          rule: 'chardev-source',
          path: `${sourcePath(i)}/@service`,
          message: "a 'udp' character device needs the port to send to; expected <source mode='connect' service='...'/>",
          at: at(i),
        });
      }
      break;
    }
    case 'nmdm':
      if ((first?.master === undefined) !== (first?.slave === undefined)) {
        missing(first?.master === undefined ? 'master' : 'slave', 'both ends of the null modem pair, master and slave');
      }
      break;
    case 'spiceport':
    case 'dbus':
      if (first?.channel === undefined) {
        // A dbus USB redirection gets libvirt's default channel name.
        if (!side.defaultChannel) missing('channel', 'a channel name');
      }
      else if (!CHANNEL_NAME.test(first.channel)) {
        r.error({
          rule: 'chardev-source',
          path: `${sourcePath(0)}/@channel`,
          value: first.channel,
          message: `channel name '${first.channel}' has characters libvirt refuses; expected letters, digits, '_', '-' and '.'`,
          at: at(0),
        });
      }
      break;
  }

  if (type === 'tcp' || type === 'unix') {
    sources.forEach((s, i) => {
      const rc = s.reconnect;
      if (!rc || rc.enabled !== true) return;
      const path = `${sourcePath(i)}/reconnect`;
      if (s.mode === 'bind') {
        r.error({
          rule: 'chardev-reconnect',
          path: `${path}/@enabled`,
          value: 'yes',
          message: "reconnect on a listening (mode='bind') source; reconnecting is possible only with mode='connect'",
          at: [side.owner, s, rc],
        });
      } else if (rc.timeout === undefined || rc.timeout === 0) {
        r.error({
          rule: 'chardev-reconnect',
          path: `${path}/@timeout`,
          value: rc.timeout,
          message: `reconnect enabled with ${rc.timeout === undefined ? 'no timeout' : 'timeout 0'}; expected the seconds to wait before reconnecting, at least 1`,
          at: [side.owner, s, rc],
        });
      }
    });
  }
}

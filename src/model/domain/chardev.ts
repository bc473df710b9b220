/**
 * Character devices: `<serial>`, `<parallel>`, `<console>` and `<channel>`
 * (formatdomain.rst "Consoles, serial, parallel & channel devices" and "Host interface").
 *
 * The top-level `type` attribute says how the device is connected on the host and decides
 * the shape of `<source>`. The host side (source, protocol, log) is shared with the other
 * devices built on a character device (redirdev, smartcard passthrough, rng egd backend):
 * see `chardevCases` and `ChardevSource`.
 */
import { attr, child, el, many, variants, t, type Fields, type Infer } from '../../schema/index.js';
import { deviceInfo } from './address.js';
import { DeviceSeclabel } from './seclabel-device.js';

/** Every host interface type of a character device (the `type` attribute). */
export const chardevType = t.enum(
  'dev', 'file', 'pipe', 'unix', 'tcp', 'udp', 'null', 'stdio', 'vc', 'pty',
  'spicevmc', 'spiceport', 'nmdm', 'qemu-vdagent', 'dbus',
);

/** Whether a socket source listens (`bind`) or connects out (`connect`). */
const sourceMode = t.enum('bind', 'connect');

// ---------------------------------------------------------------------------
// Host interface

/**
 * `<reconnect>` inside a unix or tcp `<source mode='connect'>`: reconnect after the
 * connection is lost (formatdomain.rst "Consoles, serial, parallel & channel devices").
 */
export const ChardevReconnect = el('reconnect', {
  enabled: attr(t.yesNo),
  /** Seconds to wait before reconnecting. */
  timeout: attr(t.uint),
  /** Reconnect delay; the RNG shares this element with storage sources, which use it. */
  delay: attr(t.uint),
});
export type ChardevReconnect = Infer<typeof ChardevReconnect>;

/** `<clipboard copypaste='yes'/>` in a qemu-vdagent `<source>`: clipboard sharing. */
export const ChardevClipboard = el('clipboard', { copypaste: attr(t.yesNo) });
export type ChardevClipboard = Infer<typeof ChardevClipboard>;

/** `<mouse mode='client'/>` in a qemu-vdagent `<source>`: the vdagent mouse mode. */
export const ChardevMouse = el('mouse', { mode: attr(t.enum('server', 'client')) });
export type ChardevMouse = Infer<typeof ChardevMouse>;

/** `<source path>` of a `pty`, `dev` or `pipe` character device ("Host interface"). For pty the path is output only. */
export const ChardevSourcePath = el('source', {
  path: attr(t.string),
  seclabel: many(DeviceSeclabel),
});
export type ChardevSourcePath = Infer<typeof ChardevSourcePath>;

/** `<source path append>` of a `file` character device ("Device logfile"). */
export const ChardevSourceFile = el('source', {
  path: attr(t.string),
  /** Keep the file's contents on domain restart. */
  append: attr(t.onOff),
  seclabel: many(DeviceSeclabel),
});
export type ChardevSourceFile = Infer<typeof ChardevSourceFile>;

/** `<source mode path>` of a `unix` character device ("UNIX domain socket client/server"). */
export const ChardevSourceUnix = el('source', {
  mode: attr(sourceMode),
  path: attr(t.string),
  seclabel: many(DeviceSeclabel),
  reconnect: child(ChardevReconnect),
});
export type ChardevSourceUnix = Infer<typeof ChardevSourceUnix>;

/** `<source mode host service tls>` of a `tcp` character device ("TCP client/server"). */
export const ChardevSourceTcp = el('source', {
  mode: attr(sourceMode),
  host: attr(t.string),
  /** Port number or service name. */
  service: attr(t.string),
  /** Use the host's chardev TLS environment. */
  tls: attr(t.yesNo),
  seclabel: many(DeviceSeclabel),
  reconnect: child(ChardevReconnect),
});
export type ChardevSourceTcp = Infer<typeof ChardevSourceTcp>;

/** One `<source mode host service>` of a `udp` character device: one for `bind`, one for `connect` ("UDP network console"). */
export const ChardevSourceUdp = el('source', {
  mode: attr(sourceMode),
  host: attr(t.string),
  service: attr(t.string),
});
export type ChardevSourceUdp = Infer<typeof ChardevSourceUdp>;

/** `<source channel>` of a `spiceport` or `dbus` character device ("Spice channel"). */
export const ChardevSourceChannel = el('source', {
  /** Spice port or D-Bus channel name, e.g. `org.qemu.console.serial.0`. */
  channel: attr(t.string),
});
export type ChardevSourceChannel = Infer<typeof ChardevSourceChannel>;

/** `<source master slave>` of an `nmdm` character device (FreeBSD null modem, "Nmdm device"). */
export const ChardevSourceNmdm = el('source', {
  /** Device of the pair given to the hypervisor. */
  master: attr(t.string),
  /** Device of the pair clients connect to. */
  slave: attr(t.string),
});
export type ChardevSourceNmdm = Infer<typeof ChardevSourceNmdm>;

/** `<source>` of a `qemu-vdagent` character device: the vdagent features ("Channel", qemu-vdagent). */
export const ChardevSourceVdagent = el('source', {
  clipboard: child(ChardevClipboard),
  mouse: child(ChardevMouse),
});
export type ChardevSourceVdagent = Infer<typeof ChardevSourceVdagent>;

/**
 * `<source>` of a character device whose type cannot select a shape (smartcard passthrough,
 * rng egd backend, where another attribute already selects the variant): every attribute
 * the schema allows, in libvirt's order.
 */
export const ChardevSource = el('source', {
  mode: attr(sourceMode),
  path: attr(t.string),
  append: attr(t.onOff),
  host: attr(t.string),
  service: attr(t.string),
  tls: attr(t.yesNo),
  channel: attr(t.string),
  master: attr(t.string),
  slave: attr(t.string),
  seclabel: many(DeviceSeclabel),
  reconnect: child(ChardevReconnect),
  clipboard: child(ChardevClipboard),
  mouse: child(ChardevMouse),
});
export type ChardevSource = Infer<typeof ChardevSource>;

/** `<protocol type>`: the wire protocol of a tcp character device ("TCP client/server"). */
export const ChardevProtocol = el('protocol', {
  type: attr(t.enum('raw', 'telnet', 'telnets', 'tls')),
});
export type ChardevProtocol = Infer<typeof ChardevProtocol>;

/** `<log file append>`: a log file of everything the device outputs, for any type. */
export const ChardevLog = el('log', {
  file: attr(t.string),
  append: attr(t.onOff),
});
export type ChardevLog = Infer<typeof ChardevLog>;

/** The host-side children that every character device type may carry after its `<source>`. */
const hostTail = {
  protocol: child(ChardevProtocol),
  log: child(ChardevLog),
} as const;

/**
 * Variant cases for a `type` attribute choosing the character device's host interface,
 * with the device's own trailing fields (`tail`: target, alias, address ...) appended to
 * each case, since libvirt writes them after the host side.
 */
export function chardevCases<const T extends Fields>(tail: T) {
  return {
    pty: { source: child(ChardevSourcePath), ...hostTail, ...tail },
    dev: { source: child(ChardevSourcePath), ...hostTail, ...tail },
    file: { source: child(ChardevSourceFile), ...hostTail, ...tail },
    pipe: { source: child(ChardevSourcePath), ...hostTail, ...tail },
    unix: { source: child(ChardevSourceUnix), ...hostTail, ...tail },
    tcp: { source: child(ChardevSourceTcp), ...hostTail, ...tail },
    /** Up to two sources: `mode='bind'` and `mode='connect'`. */
    udp: { source: many(ChardevSourceUdp), ...hostTail, ...tail },
    null: { ...hostTail, ...tail },
    vc: { ...hostTail, ...tail },
    stdio: { ...hostTail, ...tail },
    spicevmc: { ...hostTail, ...tail },
    spiceport: { source: child(ChardevSourceChannel), ...hostTail, ...tail },
    nmdm: { source: child(ChardevSourceNmdm), ...hostTail, ...tail },
    'qemu-vdagent': { source: child(ChardevSourceVdagent), ...hostTail, ...tail },
    dbus: { source: child(ChardevSourceChannel), ...hostTail, ...tail },
  };
}

// ---------------------------------------------------------------------------
// Guest interface (targets)

/** `<model name>` inside a serial `<target>`: the device model emulated for the guest ("Serial port"). */
export const SerialTargetModel = el('model', {
  name: attr(t.enum(
    'isa-serial', 'usb-serial', 'pci-serial', 'spapr-vty', 'pl011', '16550a',
    'sclpconsole', 'sclplmconsole', 'isa-debugcon',
  )),
});
export type SerialTargetModel = Infer<typeof SerialTargetModel>;

const serialTargetType = t.enum(
  'isa-serial', 'usb-serial', 'pci-serial', 'spapr-vio-serial', 'system-serial', 'sclp-serial', 'isa-debug',
);
const consoleTargetType = t.enum('xen', 'serial', 'uml', 'virtio', 'lxc', 'openvz', 'sclp', 'sclplm');

/** `<target type port>` of a `<serial>` ("Serial port"). */
export const SerialTarget = el('target', {
  /** How the port is attached to the guest. */
  type: attr(serialTargetType),
  port: attr(t.uint),
  model: child(SerialTargetModel),
});
export type SerialTarget = Infer<typeof SerialTarget>;

/** `<target port>` of a `<parallel>` ("Parallel port"). */
export const ParallelTarget = el('target', {
  port: attr(t.uint),
});
export type ParallelTarget = Infer<typeof ParallelTarget>;

/** `<target type port>` of a `<console>` ("Console"). `uml` is no longer used. */
export const ConsoleTarget = el('target', {
  type: attr(consoleTargetType),
  port: attr(t.uint),
});
export type ConsoleTarget = Infer<typeof ConsoleTarget>;

/**
 * The schema's generic character device `<target>` (a console or serial target type, port,
 * serial model), where the device kind does not tell which (smartcard passthrough).
 */
export const ChardevTarget = el('target', {
  type: attr(t.enum(
    'xen', 'serial', 'uml', 'virtio', 'lxc', 'openvz', 'sclp', 'sclplm',
    'isa-serial', 'usb-serial', 'pci-serial', 'spapr-vio-serial', 'system-serial', 'sclp-serial', 'isa-debug',
  )),
  port: attr(t.uint),
  model: child(SerialTargetModel),
});
export type ChardevTarget = Infer<typeof ChardevTarget>;

/** `<target>` of a `<channel>`: guestfwd, virtio or xen channel ("Channel"). */
export const ChannelTarget = el(
  'target',
  { type: attr(t.enum('guestfwd', 'virtio', 'xen')) },
  variants('type', {
    /** Guest TCP traffic to address:port is forwarded to the channel. */
    guestfwd: {
      address: attr(t.string),
      port: attr(t.uint),
    },
    virtio: {
      /** Port name in the guest (`/dev/virtio-ports/<name>`), e.g. `org.qemu.guest_agent.0`. */
      name: attr(t.string),
      /** Output only: whether a guest process has the port open. */
      state: attr(t.enum('connected', 'disconnected')),
    },
    xen: {
      name: attr(t.string),
    },
  }),
);
export type ChannelTarget = Infer<typeof ChannelTarget>;

// ---------------------------------------------------------------------------
// Devices

/** `type` and `tty` of serial, parallel and console devices. */
const chardevAttrs = {
  /** Host interface; absent means `pty`. */
  type: attr(chardevType),
  /** Output only: the allocated pty path, also written on the element for compatibility. */
  tty: attr(t.string),
} as const;

/** `<serial>`: a serial port ("Serial port"). */
export const Serial = el('serial', chardevAttrs, variants('type', chardevCases({ target: child(SerialTarget), ...deviceInfo }), 'pty'));
export type Serial = Infer<typeof Serial>;

/** `<parallel>`: a parallel port ("Parallel port"). */
export const Parallel = el('parallel', chardevAttrs, variants('type', chardevCases({ target: child(ParallelTarget), ...deviceInfo }), 'pty'));
export type Parallel = Infer<typeof Parallel>;

/** `<console>`: an interactive console ("Console"); `<console tty='/dev/pts/3'/>` alone is a pty console. */
export const Console = el('console', chardevAttrs, variants('type', chardevCases({ target: child(ConsoleTarget), ...deviceInfo }), 'pty'));
export type Console = Infer<typeof Console>;

/** `<channel>`: a private host-guest communication channel ("Channel"). */
export const Channel = el(
  'channel',
  {
    /** Host interface; absent means `pty`. */
    type: attr(chardevType),
  },
  variants('type', chardevCases({ target: child(ChannelTarget), ...deviceInfo }), 'pty'),
);
export type Channel = Infer<typeof Channel>;

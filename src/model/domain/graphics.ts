/**
 * `<graphics>`: a graphical framebuffer or remote display of the guest
 * (formatdomain.rst "Graphical framebuffers"). The `type` attribute (sdl, vnc, spice, rdp,
 * desktop, egl-headless, dbus) decides which attributes and children apply.
 */
import { attr, child, el, many, t, variants, type Infer } from '../../schema/index.js';

/** A TCP port; `-1` asks libvirt to pick one (autoport). */
const port = t.int;

/**
 * `<listen>` inside `<graphics>`: where a vnc, spice or rdp server listens
 * (formatdomain.rst "Graphical framebuffers", listen elements).
 */
export const GraphicsListen = el(
  'listen',
  {
    type: attr(t.enum('address', 'network', 'socket', 'none'), { required: true }),
  },
  variants('type', {
    /** An IP address or host name; absent means the hypervisor's default listen address. */
    address: {
      address: attr(t.string),
    },
    /** The address of a libvirt virtual network; `address` is filled in by libvirt when running. */
    network: {
      address: attr(t.string),
      network: attr(t.string, { required: true }),
    },
    /** A UNIX socket; without `socket` libvirt generates a path. */
    socket: {
      socket: attr(t.string),
    },
    /** No listening at all (spice with OpenGL, or access only through the hypervisor). */
    none: {},
  }),
);
export type GraphicsListen = Infer<typeof GraphicsListen>;

/** `<audio id='N'/>` inside vnc or dbus `<graphics>`: the `<audio>` backend (by id) that carries the sound. */
export const GraphicsAudio = el('audio', {
  id: attr(t.uint, { required: true }),
});
export type GraphicsAudio = Infer<typeof GraphicsAudio>;

/** `<gl>` of sdl graphics: OpenGL acceleration on or off. */
export const GraphicsSdlGl = el('gl', {
  enable: attr(t.yesNo, { required: true }),
});
export type GraphicsSdlGl = Infer<typeof GraphicsSdlGl>;

/** `<gl>` of spice and dbus graphics: OpenGL acceleration and the DRM render node to use. */
export const GraphicsGl = el('gl', {
  enable: attr(t.yesNo, { required: true }),
  /** DRM render node path, e.g. `/dev/dri/renderD128`. */
  rendernode: attr(t.string),
});
export type GraphicsGl = Infer<typeof GraphicsGl>;

/** `<gl>` of egl-headless graphics: only the DRM render node (OpenGL is always on). */
export const GraphicsEglGl = el('gl', {
  rendernode: attr(t.string),
});
export type GraphicsEglGl = Infer<typeof GraphicsEglGl>;

const secureMode = t.enum('any', 'secure', 'insecure');

/** Spice `<channel name='...' mode='...'/>`: whether one spice channel must use TLS. */
export const SpiceChannel = el('channel', {
  name: attr(t.enum('main', 'display', 'inputs', 'cursor', 'playback', 'record', 'smartcard', 'usbredir'), { required: true }),
  mode: attr(secureMode, { required: true }),
});
export type SpiceChannel = Infer<typeof SpiceChannel>;

/** Spice `<image compression='...'/>`: image compression algorithm. */
export const SpiceImage = el('image', {
  compression: attr(t.enum('auto_glz', 'auto_lz', 'quic', 'glz', 'lz', 'off'), { required: true }),
});
export type SpiceImage = Infer<typeof SpiceImage>;

const wanCompression = t.enum('auto', 'never', 'always');

/** Spice `<jpeg compression='...'/>`: JPEG compression of images over WAN links. */
export const SpiceJpeg = el('jpeg', {
  compression: attr(wanCompression, { required: true }),
});
export type SpiceJpeg = Infer<typeof SpiceJpeg>;

/** Spice `<zlib compression='...'/>`: zlib compression of images over WAN links. */
export const SpiceZlib = el('zlib', {
  compression: attr(wanCompression, { required: true }),
});
export type SpiceZlib = Infer<typeof SpiceZlib>;

/** Spice `<playback compression='on|off'/>`: audio stream compression. */
export const SpicePlayback = el('playback', {
  compression: attr(t.onOff, { required: true }),
});
export type SpicePlayback = Infer<typeof SpicePlayback>;

/** Spice `<streaming mode='...'/>`: video streaming detection. */
export const SpiceStreaming = el('streaming', {
  mode: attr(t.enum('filter', 'all', 'off'), { required: true }),
});
export type SpiceStreaming = Infer<typeof SpiceStreaming>;

/** Spice `<mouse mode='server|client'/>`: mouse mode. */
export const SpiceMouse = el('mouse', {
  mode: attr(t.enum('server', 'client'), { required: true }),
});
export type SpiceMouse = Infer<typeof SpiceMouse>;

/** Spice `<clipboard copypaste='yes|no'/>`: clipboard sharing through the spice agent. */
export const SpiceClipboard = el('clipboard', {
  copypaste: attr(t.yesNo, { required: true }),
});
export type SpiceClipboard = Infer<typeof SpiceClipboard>;

/** Spice `<filetransfer enable='yes|no'/>`: file transfer through the spice agent. */
export const SpiceFiletransfer = el('filetransfer', {
  enable: attr(t.yesNo, { required: true }),
});
export type SpiceFiletransfer = Infer<typeof SpiceFiletransfer>;

/**
 * Attributes of password-protected displays (vnc, spice): the password, when it expires and
 * what happens to connected clients when it changes.
 */
const auth = {
  passwd: attr(t.string),
  /** Expiry as an ISO 8601 date-time in UTC, e.g. `2010-04-09T15:51:00`. */
  passwdValidTo: attr(t.string),
} as const;

/**
 * `<graphics>` (formatdomain.rst "Graphical framebuffers"). The `listen` attribute and the
 * `<listen>` children share a name: the children are the property `listens`.
 */
export const Graphics = el(
  'graphics',
  {
    type: attr(t.enum('sdl', 'vnc', 'spice', 'rdp', 'desktop', 'egl-headless', 'dbus'), { required: true }),
  },
  variants('type', {
    /** A window on the host's X display. */
    sdl: {
      /** X display, e.g. `:0.0`. */
      display: attr(t.string),
      /** Path of the X authority file. */
      xauth: attr(t.string),
      fullscreen: attr(t.yesNo),
      gl: child(GraphicsSdlGl),
    },
    /** A VNC server. */
    vnc: {
      port: attr(port),
      autoport: attr(t.yesNo),
      /** Port of the WebSocket listener; `-1` lets libvirt pick one. */
      websocket: attr(port),
      /** Listen address (legacy spelling of the first `<listen type='address'>`). */
      listen: attr(t.string),
      /** UNIX socket path, instead of a TCP port. */
      socket: attr(t.string),
      /** Keyboard layout, e.g. `en-us`. */
      keymap: attr(t.string),
      /** How several clients share the display. */
      sharePolicy: attr(t.enum('allow-exclusive', 'force-shared', 'ignore')),
      /** Whether clients may reset, reboot or power off the guest. */
      powerControl: attr(t.yesNo),
      ...auth,
      /** What to do with connected clients when the password changes: only `keep` for vnc. */
      connected: attr(t.enum('keep')),
      /** Listen places; the `listen` attribute mirrors the first one. */
      listens: many(GraphicsListen),
      audio: child(GraphicsAudio),
    },
    /** A SPICE server. */
    spice: {
      port: attr(port),
      /** TLS port; `-1` lets libvirt pick one. */
      tlsPort: attr(port),
      autoport: attr(t.yesNo),
      /** Listen address (legacy spelling of the first `<listen type='address'>`). */
      listen: attr(t.string),
      keymap: attr(t.string),
      /** Default TLS policy of channels without their own `<channel>`. */
      defaultMode: attr(secureMode),
      ...auth,
      /** What to do with connected clients when the password changes. */
      connected: attr(t.enum('fail', 'disconnect', 'keep')),
      /** Listen places; the `listen` attribute mirrors the first one. */
      listens: many(GraphicsListen),
      channel: many(SpiceChannel),
      image: child(SpiceImage),
      jpeg: child(SpiceJpeg),
      zlib: child(SpiceZlib),
      playback: child(SpicePlayback),
      streaming: child(SpiceStreaming),
      mouse: child(SpiceMouse),
      clipboard: child(SpiceClipboard),
      filetransfer: child(SpiceFiletransfer),
      gl: child(GraphicsGl),
    },
    /** An RDP server (VirtualBox, Hyper-V, or QEMU through qemu-rdp). */
    rdp: {
      port: attr(port),
      autoport: attr(t.yesNo),
      /** Whether a new connection replaces the existing one. */
      replaceUser: attr(t.yesNo),
      /** Whether several simultaneous connections are allowed. */
      multiUser: attr(t.yesNo),
      /** Listen address (legacy spelling of the first `<listen type='address'>`). */
      listen: attr(t.string),
      username: attr(t.string),
      passwd: attr(t.string),
      /** Listen places; the `listen` attribute mirrors the first one. */
      listens: many(GraphicsListen),
    },
    /** A window on the host desktop (VirtualBox). */
    desktop: {
      display: attr(t.string),
      fullscreen: attr(t.yesNo),
    },
    /** OpenGL rendering without a display, for use together with vnc or spice. */
    'egl-headless': {
      gl: child(GraphicsEglGl),
    },
    /** A D-Bus display (QEMU `-display dbus`). */
    dbus: {
      /** D-Bus address of the bus to export the display on; exclusive with `p2p`. */
      address: attr(t.string),
      /** Peer-to-peer connections instead of a bus. */
      p2p: attr(t.yesNo),
      gl: child(GraphicsGl),
      audio: child(GraphicsAudio),
    },
  }),
);
export type Graphics = Infer<typeof Graphics>;

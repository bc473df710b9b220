/**
 * `<video>`: a video adapter of the guest (formatdomain.rst "Video devices").
 */
import { attr, child, el, t, type Infer } from '../../schema/index.js';
import { deviceInfo, virtioOptions } from './address.js';

/** `<driver>` of a video device: virtio transport options, the backend and VGA config. */
export const VideoDriver = el('driver', {
  ...virtioOptions,
  /** `vhostuser` runs the virtio-gpu device in an external process. */
  name: attr(t.enum('qemu', 'vhostuser')),
  /** bhyve: how the VGA registers are exposed. */
  vgaconf: attr(t.enum('io', 'on', 'off')),
});
export type VideoDriver = Infer<typeof VideoDriver>;

/** `<acceleration>` inside a video `<model>`: 2D/3D acceleration and the render node. */
export const VideoAcceleration = el('acceleration', {
  accel3d: attr(t.yesNo),
  accel2d: attr(t.yesNo),
  /** DRM render node of a vhost-user GPU, e.g. `/dev/dri/renderD128`. */
  rendernode: attr(t.string),
});
export type VideoAcceleration = Infer<typeof VideoAcceleration>;

/** `<resolution x='..' y='..'/>` inside a video `<model>`: the initial resolution. */
export const VideoResolution = el('resolution', {
  x: attr(t.uint, { required: true }),
  y: attr(t.uint, { required: true }),
});
export type VideoResolution = Infer<typeof VideoResolution>;

/**
 * `<model>` of a video device. Sizes are in KiB. `ram`, `vgamem` and `vram64` apply to
 * `qxl` only; they stay flat here because libvirt writes them interleaved with the common ones.
 */
export const VideoModel = el('model', {
  type: attr(t.enum('vga', 'cirrus', 'vmvga', 'xen', 'vbox', 'qxl', 'virtio', 'gop', 'none', 'bochs', 'ramfb'), { required: true }),
  /** qxl: size of the primary bar. */
  ram: attr(t.uint),
  /** Video memory (for qxl: the secondary bar). */
  vram: attr(t.uint),
  /** qxl: 64-bit secondary bar. */
  vram64: attr(t.uint),
  /** qxl: VGA framebuffer size. */
  vgamem: attr(t.uint),
  /** Number of screens. */
  heads: attr(t.uint),
  /** The primary adapter when there are several. */
  primary: attr(t.yesNo),
  /** virtio: blob resources (udmabuf). */
  blob: attr(t.onOff),
  acceleration: child(VideoAcceleration),
  resolution: child(VideoResolution),
});
export type VideoModel = Infer<typeof VideoModel>;

/** `<video>` (formatdomain.rst "Video devices"). */
export const Video = el('video', {
  driver: child(VideoDriver),
  model: child(VideoModel),
  ...deviceInfo,
});
export type Video = Infer<typeof Video>;

/**
 * `<sound>`: an emulated sound card (formatdomain.rst "Sound devices").
 */
import { attr, child, el, many, t, type Infer } from '../../schema/index.js';
import { deviceInfo, virtioOptions } from './address.js';

/** `<codec type='...'/>`: an audio codec of an ich6/ich7/ich9 card. */
export const SoundCodec = el('codec', {
  type: attr(t.enum('duplex', 'micro', 'output'), { required: true }),
});
export type SoundCodec = Infer<typeof SoundCodec>;

/** `<audio id='N'/>` inside `<sound>`: the `<audio>` backend (by id) the card plays through. */
export const SoundAudio = el('audio', {
  id: attr(t.uint, { required: true }),
});
export type SoundAudio = Infer<typeof SoundAudio>;

/** `<driver>` of a virtio sound card: virtio transport options. */
export const SoundDriver = el('driver', { ...virtioOptions });
export type SoundDriver = Infer<typeof SoundDriver>;

/** `<sound>` (formatdomain.rst "Sound devices"). */
export const Sound = el('sound', {
  model: attr(t.enum('sb16', 'es1370', 'pcspk', 'ac97', 'ich6', 'ich7', 'ich9', 'usb', 'virtio'), { required: true }),
  /** usb: multichannel (surround) audio. */
  multichannel: attr(t.yesNo),
  /** virtio: number of PCM streams. */
  streams: attr(t.uint),
  codec: many(SoundCodec),
  audio: child(SoundAudio),
  ...deviceInfo,
  driver: child(SoundDriver),
});
export type Sound = Infer<typeof Sound>;

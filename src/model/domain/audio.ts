/**
 * `<audio>`: an audio backend on the host that sound devices and displays play through
 * (formatdomain.rst "Audio backends"). The `type` decides the backend's attributes and
 * those of its `<input>` and `<output>` stream settings.
 */
import { attr, child, el, t, variants, type Fields, type Infer } from '../../schema/index.js';

/** `<settings>` of an audio stream, used when `fixedSettings` is on. */
export const AudioSettings = el('settings', {
  /** Sample rate in Hz. */
  frequency: attr(t.uint),
  channels: attr(t.uint),
  format: attr(t.enum('s8', 'u8', 's16', 'u16', 's32', 'u32', 'f32')),
});
export type AudioSettings = Infer<typeof AudioSettings>;

/** Attributes every backend's `<input>`/`<output>` has, before the backend's own ones. */
const streamCommon = {
  /** Let QEMU mix and resample the stream. */
  mixingEngine: attr(t.yesNo),
  /** Use the `<settings>` below instead of what the guest asks for. */
  fixedSettings: attr(t.yesNo),
  /** Number of voices. */
  voices: attr(t.uint),
  /** Buffer length in microseconds. */
  bufferLength: attr(t.uint),
} as const;

/** The `<input>` and `<output>` elements of one backend type, with its extra attributes. */
function streams<const F extends Fields>(extra: F) {
  const fields = { ...streamCommon, ...extra, settings: child(AudioSettings) };
  return {
    /** Recording stream settings. */
    input: child(el('input', fields)),
    /** Playback stream settings. */
    output: child(el('output', fields)),
  };
}

const bufferCount = attr(t.uint);

/** Per-type stream settings. */
const none = streams({});
const alsa = streams({
  /** ALSA device name, e.g. `hw:0,0`. */
  dev: attr(t.string),
});
const coreaudio = streams({
  /** Number of buffers. */
  bufferCount,
});
const jack = streams({
  /** JACK server to connect to. */
  serverName: attr(t.string),
  /** Client name used with the JACK server. */
  clientName: attr(t.string),
  /** Regular expression of JACK ports to connect to. */
  connectPorts: attr(t.string),
  /** Use `clientName` exactly, without making it unique. */
  exactName: attr(t.yesNo),
});
const oss = streams({
  /** OSS device path, e.g. `/dev/dsp0`. */
  dev: attr(t.string),
  bufferCount,
  /** Use poll mode. */
  tryPoll: attr(t.yesNo),
});
/** PulseAudio and PipeWire share their stream attributes. */
const pulseLike = {
  /** Sink or source name. */
  name: attr(t.string),
  /** Name of the stream shown by the sound server. */
  streamName: attr(t.string),
  /** Latency in microseconds. */
  latency: attr(t.uint),
} as const;
const pipewire = streams(pulseLike);
const pulseaudio = streams(pulseLike);
const sdl = streams({ bufferCount });

/** `<audio>` (formatdomain.rst "Audio backends"). */
export const Audio = el(
  'audio',
  {
    /** Identifier that `<sound>` and `<graphics>` refer to with `<audio id='N'/>`; from 1. */
    id: attr(t.uint, { required: true }),
    type: attr(t.enum('none', 'alsa', 'coreaudio', 'jack', 'oss', 'pulseaudio', 'sdl', 'spice', 'file', 'dbus', 'pipewire'), { required: true }),
    /** Timer period in microseconds. */
    timerPeriod: attr(t.uint),
  },
  variants('type', {
    /** No host audio: the guest sees a working device whose sound goes nowhere. */
    none: { ...none },
    alsa: { ...alsa },
    /** macOS CoreAudio. */
    coreaudio: { ...coreaudio },
    jack: { ...jack },
    oss: {
      /** Try mmap for the device. */
      tryMMap: attr(t.yesNo),
      /** Open the device in exclusive mode. */
      exclusive: attr(t.yesNo),
      /** Timing policy of the device (-1 to 10). */
      dspPolicy: attr(t.int),
      ...oss,
    },
    pulseaudio: {
      /** PulseAudio server address. */
      serverName: attr(t.string),
      ...pulseaudio,
    },
    sdl: {
      /** SDL audio driver. */
      driver: attr(t.enum('esd', 'alsa', 'arts', 'pulseaudio')),
      ...sdl,
    },
    /** Sound sent to the spice client. */
    spice: { ...none },
    /** Output written to a WAV file; input is silence. */
    file: {
      /** Path of the WAV file. */
      path: attr(t.string),
      ...none,
    },
    /** Sound sent over the D-Bus display. */
    dbus: { ...none },
    pipewire: {
      /** Directory of the PipeWire runtime socket. */
      runtimeDir: attr(t.string),
      ...pipewire,
    },
  }),
);
export type Audio = Infer<typeof Audio>;

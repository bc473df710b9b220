/**
 * `<clock>`: how the guest's clock is initialised and kept (formatdomain.rst "Time keeping").
 */
import { attr, child, el, many, t, variants, type Infer } from '../../schema/index.js';

/** `<catchup threshold='123' slew='120' limit='10000'/>`: how missed ticks are caught up. */
export const TimerCatchup = el('catchup', {
  threshold: attr(t.uint),
  slew: attr(t.uint),
  limit: attr(t.uint),
});
export type TimerCatchup = Infer<typeof TimerCatchup>;

/** What to do with ticks missed while the guest was not running. */
const tickpolicy = t.enum('delay', 'catchup', 'merge', 'discard');

/**
 * `<timer name='rtc' tickpolicy='catchup'/>`: one guest timer. The `name` decides which other
 * attributes apply (formatdomain.rst "Time keeping", timer).
 */
export const Timer = el(
  'timer',
  {
    name: attr(t.enum('platform', 'rtc', 'tsc', 'hpet', 'pit', 'armvtimer', 'kvmclock', 'hypervclock')),
    /** Whether the timer is exposed to the guest. */
    present: attr(t.yesNo),
  },
  variants('name', {
    platform: {
      tickpolicy: attr(tickpolicy),
      /** What the timer follows. */
      track: attr(t.enum('boot', 'guest', 'wall', 'realtime')),
      catchup: child(TimerCatchup),
    },
    rtc: {
      tickpolicy: attr(tickpolicy),
      track: attr(t.enum('boot', 'guest', 'wall', 'realtime')),
      catchup: child(TimerCatchup),
    },
    tsc: {
      tickpolicy: attr(tickpolicy),
      /** Frequency in Hz. */
      frequency: attr(t.uint),
      mode: attr(t.enum('auto', 'native', 'emulate', 'paravirt', 'smpsafe')),
      catchup: child(TimerCatchup),
    },
    hpet: { tickpolicy: attr(tickpolicy), catchup: child(TimerCatchup) },
    pit: { tickpolicy: attr(tickpolicy), catchup: child(TimerCatchup) },
    armvtimer: { tickpolicy: attr(tickpolicy), catchup: child(TimerCatchup) },
    kvmclock: {},
    hypervclock: {},
  }),
);
export type Timer = Infer<typeof Timer>;

/**
 * `<clock offset='utc'>` (formatdomain.rst "Time keeping"). The `offset` decides which
 * other attributes apply.
 */
export const Clock = el(
  'clock',
  {
    offset: attr(t.enum('utc', 'localtime', 'timezone', 'variable', 'absolute')),
    timer: many(Timer),
  },
  variants('offset', {
    utc: {
      /** Seconds to add to the clock at start, or `reset`. */
      adjustment: attr(t.pattern('seconds or reset', '^([-+]?[0-9]+|reset)$')),
    },
    localtime: {
      adjustment: attr(t.pattern('seconds or reset', '^([-+]?[0-9]+|reset)$')),
    },
    timezone: {
      /** Time zone name, e.g. `Europe/Paris`. */
      timezone: attr(t.string),
    },
    variable: {
      /** Seconds from the basis; guest changes to the RTC are kept across reboots. */
      adjustment: attr(t.int),
      basis: attr(t.enum('utc', 'localtime')),
      /** Status XML only: the adjustment the guest started with. */
      adjustment0: attr(t.int),
    },
    absolute: {
      /** Start time, in seconds since the epoch. */
      start: attr(t.uint),
    },
  }),
);
export type Clock = Infer<typeof Clock>;

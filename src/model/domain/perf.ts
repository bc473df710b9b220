/**
 * `<perf>`: host perf events monitored for the guest (formatdomain.rst "Performance monitoring events").
 */
import { attr, el, many, t, type Infer } from '../../schema/index.js';

/** `<event name='cmt' enabled='yes'/>`: one perf event turned on or off. */
export const PerfEvent = el('event', {
  name: attr(
    t.enum(
      'cmt', 'mbmt', 'mbml', 'cpu_cycles', 'instructions', 'cache_references', 'cache_misses',
      'branch_instructions', 'branch_misses', 'bus_cycles', 'stalled_cycles_frontend',
      'stalled_cycles_backend', 'ref_cpu_cycles', 'cpu_clock', 'task_clock', 'page_faults',
      'context_switches', 'cpu_migrations', 'page_faults_min', 'page_faults_maj',
      'alignment_faults', 'emulation_faults',
    ),
  ),
  enabled: attr(t.yesNo),
});
export type PerfEvent = Infer<typeof PerfEvent>;

/** `<perf>` (formatdomain.rst "Performance monitoring events"). */
export const Perf = el('perf', {
  event: many(PerfEvent),
});
export type Perf = Infer<typeof Perf>;

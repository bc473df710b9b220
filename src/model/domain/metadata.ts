/**
 * `<metadata>`: other applications' own elements, each in its own namespace
 * (formatdomain.rst "General metadata"). Kept as XML nodes, exactly as written.
 */
import { any, el, type Infer } from '../../schema/index.js';

export const Metadata = el('metadata', {
  /** The applications' elements, e.g. `<app1:foo xmlns:app1='http://app1.org/app1/'>`. */
  content: any(),
});
export type Metadata = Infer<typeof Metadata>;

/**
 * A validation finding. Structural checks (from the definitions), semantic checks (libvirt's
 * own rules) and RelaxNG validation all report in this one shape.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Where: `/domain/devices/disk[1]/target/@bus`. */
  path: string;
  /** What is wrong, in a sentence that names what was expected. */
  message: string;
  /** A short stable identifier of the rule: `type`, `enum`, `required`, `duplicate-disk-target` ... */
  rule: string;
  /** The offending value, as written, when there is one. */
  value?: string;
  /** Source position (1-based) when the document came from XML and positions were recorded. */
  line?: number;
  column?: number;
}

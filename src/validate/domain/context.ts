/**
 * What every family of domain checks shares: a collector of findings that adds the source
 * position of the nearest enclosing object, and the value helpers libvirt's rules need
 * (sizes in KiB, cpuset lists, address spellings).
 */
import type { SourcePosition } from '../../schema/codec.js';
import type { Problem, Severity } from '../../schema/problem.js';

export interface Finding {
  rule: string;
  /** Where, as an XPath-like path with 1-based indexes: `/domain/devices/disk[2]/target/@dev`. */
  path: string;
  message: string;
  /** The offending value as the user wrote it (or as libvirt would spell it). */
  value?: string | number;
  /**
   * The objects along the path, outermost first; the innermost one that was read from XML
   * gives the line and column (attributes have no position of their own).
   */
  at?: readonly (object | undefined)[];
}

/** Collects the problems of one check run. */
export class Findings {
  readonly problems: Problem[] = [];

  constructor(private readonly positions?: WeakMap<object, SourcePosition>) {}

  error(finding: Finding): void {
    this.add('error', finding);
  }

  warning(finding: Finding): void {
    this.add('warning', finding);
  }

  private add(severity: Severity, f: Finding): void {
    const problem: Problem = { severity, path: f.path, message: f.message, rule: f.rule };
    if (f.value !== undefined) problem.value = String(f.value);
    const where = this.locate(f.at);
    if (where) {
      problem.line = where.line;
      problem.column = where.column;
    }
    this.problems.push(problem);
  }

  private locate(objects: Finding['at']): SourcePosition | undefined {
    if (!this.positions || !objects) return undefined;
    for (let i = objects.length - 1; i >= 0; i--) {
      const o = objects[i];
      const p = o ? this.positions.get(o) : undefined;
      if (p) return p;
    }
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Sizes

/** Bytes per unit, as libvirt scales `unit` attributes (virScaleInteger): k is 1024, KB is 1000. */
const UNIT_BYTES: Record<string, bigint> = (() => {
  const out: Record<string, bigint> = { b: 1n, B: 1n, bytes: 1n };
  const letters = ['K', 'M', 'G', 'T', 'P', 'E'];
  letters.forEach((l, i) => {
    const binary = 1024n ** BigInt(i + 1);
    out[l] = out[l.toLowerCase()] = out[`${l}iB`] = binary;
    out[`${l}B`] = 1000n ** BigInt(i + 1);
  });
  return out;
})();

/**
 * A size in KiB, rounded up as libvirt rounds memory sizes; undefined when the value is
 * missing or the unit unknown (structural validation reports those). Exact for any size.
 */
export function sizeKiB(value: number | undefined, unit: string | undefined, defaultUnit = 'KiB'): bigint | undefined {
  const bytes = sizeBytes(value, unit, defaultUnit);
  return bytes === undefined ? undefined : (bytes + 1023n) / 1024n;
}

/** A size in bytes; undefined when the value is missing or the unit unknown. */
export function sizeBytes(value: number | undefined, unit: string | undefined, defaultUnit: string): bigint | undefined {
  if (value === undefined || !Number.isInteger(value) || value < 0) return undefined;
  const scale = UNIT_BYTES[unit ?? defaultUnit];
  return scale === undefined ? undefined : BigInt(value) * scale;
}

/** `1048576 KiB` */
export function kib(n: bigint): string {
  return `${n} KiB`;
}

// ---------------------------------------------------------------------------
// cpuset lists (`0-3,^2,8`), used for NUMA cells, nodesets and vCPU lists

/** The members of a cpuset list, or undefined when it is malformed (libvirt rejects those while parsing). */
export function parseCpuset(text: string): Set<number> | undefined {
  const out = new Set<number>();
  const excluded: number[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^\^\s*(\d+)$/.exec(item))) excluded.push(Number(m[1]));
    else if ((m = /^(\d+)$/.exec(item))) out.add(Number(m[1]));
    else if ((m = /^(\d+)\s*-\s*(\d+)$/.exec(item))) {
      const [from, to] = [Number(m[1]), Number(m[2])];
      if (to < from || to - from > 65536) return undefined;
      for (let n = from; n <= to; n++) out.add(n);
    } else return undefined;
  }
  for (const n of excluded) out.delete(n);
  return out;
}

// ---------------------------------------------------------------------------
// Small shared helpers

/** The items of an optional array property, with their 1-based XPath index. */
export function indexed<T>(items: readonly T[] | undefined): [T, number][] {
  return (items ?? []).map((item, i) => [item, i + 1]);
}

/** Hex as libvirt writes address parts: `0x1f`. */
export function hex(n: number, width = 1): string {
  return '0x' + n.toString(16).padStart(width, '0');
}

/** A PCI address as libvirt spells it in messages: `0000:00:03.0`. */
export function pciText(domain: number, bus: number, slot: number, fn: number): string {
  const h = (n: number, w: number) => n.toString(16).padStart(w, '0');
  return `${h(domain, 4)}:${h(bus, 2)}:${h(slot, 2)}.${h(fn, 1)}`;
}

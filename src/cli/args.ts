/**
 * What the file-taking commands (fmt, json, xml, validate) share: their input and output,
 * reading a FILE argument, and the parsing of their arguments with its usage errors.
 */
import { readFileSync } from 'node:fs';

/** Where a command writes and reads; tests pass their own. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string | Uint8Array;
}

/**
 * The bytes of a FILE argument (`-` is standard input). Bytes, not text: the parser refuses
 * invalid UTF-8 instead of reading replacement characters.
 */
export function readInput(file: string, io: Io): string | Uint8Array {
  return file === '-' ? io.readStdin() : readFileSync(file);
}

/** A mistake in the command line: reported with the command's help, exit code 2. */
export class UsageError extends Error {}

/** The options a command takes besides `-h`/`--help`, with what each does. */
export interface OptionSpec {
  /** Options without a value (`--strict`). */
  flags?: Record<string, () => void>;
  /** Options taking a directory, as `--name DIR` or `--name=DIR`. */
  dirs?: Record<string, (dir: string) => void>;
}

/**
 * Reads `args` with `spec`, in order: the options, and the files (`-` is one, and so is
 * everything after `--`). An option the command does not take is a UsageError.
 */
export function parseArgs(args: string[], spec: OptionSpec): { help: boolean; files: string[] } {
  const out = { help: false, files: [] as string[] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.files.push(...args.slice(i + 1));
      break;
    }
    const eq = a.indexOf('=');
    const dirName = eq > 0 ? a.slice(0, eq) : a;
    if (a === '-h' || a === '--help') out.help = true;
    else if (spec.flags && Object.hasOwn(spec.flags, a)) spec.flags[a]();
    else if (spec.dirs && Object.hasOwn(spec.dirs, dirName)) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (!v) throw new UsageError(`${dirName} needs a directory`);
      spec.dirs[dirName](v);
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}'`);
    else out.files.push(a);
  }
  return out;
}

/**
 * The files a command is to work on, or the exit code when there is nothing to run: 0 after
 * printing the help it was asked for, 2 after a usage error (printed with the help). `check`
 * may refuse a combination of options by throwing a UsageError.
 */
export function commandFiles(command: string, help: string, args: string[], spec: OptionSpec, io: Io, check?: () => void): string[] | number {
  try {
    const parsed = parseArgs(args, spec);
    if (parsed.help) {
      io.stdout(help + '\n');
      return 0;
    }
    check?.();
    if (parsed.files.length === 0) throw new UsageError('no FILE given');
    return parsed.files;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`libvirt-xml ${command}: ${e.message}\n\n${help}\n`);
    return 2;
  }
}

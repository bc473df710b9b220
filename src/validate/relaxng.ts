/**
 * Validation against libvirt's own RelaxNG schemas, with libxml2 compiled to WebAssembly
 * (`libxml2-wasm`). The package is imported only when a validator is first asked for, so the
 * library core stays small and bundles for a browser without it.
 *
 * Schemas come from a directory (Node; by default where `virt-xml-validate` looks) or from an
 * in-memory set of files (any environment). Each schema is compiled once per source, on first
 * use, and kept until `dispose()`.
 */
import type * as Libxml2 from 'libxml2-wasm';
import { LibvirtXmlError } from '../errors.js';
import type { Problem } from '../schema/problem.js';

/** Where libvirt installs its schemas, and where `virt-xml-validate` reads them. */
export const DEFAULT_SCHEMA_DIR = '/usr/share/libvirt/schemas';

/** The schema file for each document's root element, as `virt-xml-validate` picks it. */
export const SCHEMA_FILES: Readonly<Record<string, string>> = {
  domain: 'domain.rng',
  domainsnapshot: 'domainsnapshot.rng',
  domaincheckpoint: 'domaincheckpoint.rng',
  domainbackup: 'domainbackup.rng',
  filter: 'nwfilter.rng',
  filterbinding: 'nwfilterbinding.rng',
  network: 'network.rng',
  networkport: 'networkport.rng',
  pool: 'storagepool.rng',
  volume: 'storagevol.rng',
  storagepoolCapabilities: 'storagepoolcaps.rng',
  secret: 'secret.rng',
  capabilities: 'capability.rng',
  domainCapabilities: 'domaincaps.rng',
  device: 'nodedev.rng',
  interface: 'interface.rng',
  cpu: 'cpu.rng',
};

/** The schemas are missing or unusable: the environment is wrong, not the document. */
export class RelaxNgSchemaError extends LibvirtXmlError {
  override name = 'RelaxNgSchemaError';
}

export interface RelaxNgOptions {
  /**
   * A directory holding libvirt's `.rng` files (Node only; default `DEFAULT_SCHEMA_DIR`), or the
   * files themselves by name (`{ 'domain.rng': text, 'domaincommon.rng': text, ... }`), for a
   * browser or a bundle.
   */
  schemas?: string | Readonly<Record<string, string | Uint8Array>>;
}

/** A set of libvirt schemas ready to validate documents. Call `dispose()` to free the wasm memory. */
export interface RelaxNgValidator {
  /** Where the schemas come from: the directory, or `(in memory)`. */
  readonly source: string;
  /**
   * The problems libxml2 finds in `xml` against the schema of its root element: rule `relaxng`
   * for validity, `syntax` for malformed XML. An empty list means the document is valid.
   * Throws RelaxNgSchemaError when the schema file is missing or does not compile.
   */
  validate(xml: string | Uint8Array): Problem[];
  dispose(): void;
}

type Lib = typeof Libxml2;

interface SchemaSource {
  /** The file's bytes, or undefined when there is no such file. */
  read(name: string): Uint8Array | undefined;
}

let libPromise: Promise<Lib> | undefined;
/** Sources by id; the one input provider serves `/libvirt-xml-rng/<id>/<file>` from them. */
const sources = new Map<number, SchemaSource>();
let nextSourceId = 1;
const VIRTUAL_ROOT = '/libvirt-xml-rng/';
// A schema's includes name plain files beside it; anything else (a path, `..`) is refused.
const VIRTUAL_NAME = /^\/libvirt-xml-rng\/(\d+)\/([A-Za-z0-9_][A-Za-z0-9_.-]*)$/;

function loadLibrary(): Promise<Lib> {
  libPromise ??= import('libxml2-wasm').then(
    (lib) => {
      registerInputProvider(lib);
      return lib;
    },
    (e: unknown) => {
      libPromise = undefined; // a later call may find it installed
      throw new RelaxNgSchemaError(`libxml2-wasm could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    },
  );
  return libPromise;
}

/** libxml2 opens `<include href>` files through this provider; it is registered once per process. */
function registerInputProvider(lib: Lib): void {
  const open = new Map<number, { bytes: Uint8Array; at: number }>();
  let nextFd = 1;
  const lookup = (name: string): Uint8Array | undefined => {
    const m = VIRTUAL_NAME.exec(name);
    return m ? sources.get(Number(m[1]))?.read(m[2]) : undefined;
  };
  const ok = lib.xmlRegisterInputProvider({
    match: (name) => VIRTUAL_NAME.test(name),
    open: (name) => {
      const bytes = lookup(name);
      if (!bytes) return undefined;
      const fd = nextFd++;
      open.set(fd, { bytes, at: 0 });
      return fd;
    },
    read: (fd, buf) => {
      const file = open.get(fd);
      if (!file) return -1;
      const n = Math.min(buf.byteLength, file.bytes.byteLength - file.at);
      buf.set(file.bytes.subarray(file.at, file.at + n));
      file.at += n;
      return n;
    },
    close: (fd) => open.delete(fd),
  });
  if (!ok) throw new RelaxNgSchemaError('libxml2 refused another input provider (its table is full)');
}

async function directorySource(dir: string): Promise<SchemaSource> {
  const fs = await import('node:fs');
  let isDir = false;
  try {
    isDir = fs.statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new RelaxNgSchemaError(`schema directory ${dir} not found`);
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  return {
    read: (name) => {
      try {
        return fs.readFileSync(base + name);
      } catch {
        return undefined;
      }
    },
  };
}

function memorySource(files: Readonly<Record<string, string | Uint8Array>>): SchemaSource {
  const encoder = new TextEncoder();
  return {
    read: (name) => {
      if (!Object.hasOwn(files, name)) return undefined;
      const f = files[name];
      return typeof f === 'string' ? encoder.encode(f) : f;
    },
  };
}

/** Loads libxml2 and prepares the schemas; nothing is compiled until a document needs it. */
export async function loadRelaxNG(options: RelaxNgOptions = {}): Promise<RelaxNgValidator> {
  const schemas = options.schemas ?? DEFAULT_SCHEMA_DIR;
  const source = typeof schemas === 'string' ? await directorySource(schemas) : memorySource(schemas);
  const lib = await loadLibrary();
  const id = nextSourceId++;
  sources.set(id, source);
  return new Validator(lib, id, source, typeof schemas === 'string' ? schemas : '(in memory)');
}

class Validator implements RelaxNgValidator {
  private readonly compiled = new Map<string, Libxml2.RelaxNGValidator>();
  private disposed = false;

  constructor(
    private readonly lib: Lib,
    private readonly id: number,
    private readonly files: SchemaSource,
    readonly source: string,
  ) {}

  private schema(file: string): Libxml2.RelaxNGValidator {
    const cached = this.compiled.get(file);
    if (cached) return cached;
    const bytes = this.files.read(file);
    if (!bytes) throw new RelaxNgSchemaError(`no ${file} in ${this.source}`);
    const { XmlDocument, RelaxNGValidator, XmlLibError } = this.lib;
    let rng: Libxml2.XmlDocument | undefined;
    try {
      // The virtual URL is the base against which libxml2 resolves the schema's includes.
      rng = XmlDocument.fromBuffer(bytes, { url: `${VIRTUAL_ROOT}${this.id}/${file}` });
      const compiled = RelaxNGValidator.fromDoc(rng);
      this.compiled.set(file, compiled);
      return compiled;
    } catch (e) {
      const detail = e instanceof XmlLibError ? e.details.map((d) => d.message.trim()).join('; ') : String(e);
      throw new RelaxNgSchemaError(`${file} in ${this.source} does not compile: ${detail}`);
    } finally {
      rng?.dispose(); // the compiled schema keeps its own copy
    }
  }

  validate(xml: string | Uint8Array): Problem[] {
    if (this.disposed) throw new RelaxNgSchemaError('this RelaxNG validator has been disposed');
    const { XmlDocument, XmlLibError, XmlValidateError, ParseOption } = this.lib;
    let doc: Libxml2.XmlDocument;
    // No network, no external entities: the document is data, never a reason to load files.
    const option = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES;
    try {
      doc = typeof xml === 'string' ? XmlDocument.fromString(xml, { option }) : XmlDocument.fromBuffer(xml, { option });
    } catch (e) {
      if (!(e instanceof XmlLibError)) throw e;
      return toProblems(e.details, 'syntax', '/');
    }
    try {
      const root = doc.root;
      const path = `/${root.name}`;
      const file = !root.namespaceUri && Object.hasOwn(SCHEMA_FILES, root.name) ? SCHEMA_FILES[root.name] : undefined;
      if (!file) {
        const known = Object.keys(SCHEMA_FILES).join(', ');
        return [{ severity: 'error', path, rule: 'relaxng', value: root.name, message: `no libvirt schema for <${root.name}> (known roots: ${known})`, line: root.line || undefined }];
      }
      const schema = this.schema(file);
      try {
        schema.validate(doc);
        return [];
      } catch (e) {
        if (!(e instanceof XmlValidateError)) throw e;
        return toProblems(e.details, 'relaxng', path);
      }
    } finally {
      doc.dispose();
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const compiled of this.compiled.values()) compiled.dispose();
    this.compiled.clear();
    sources.delete(this.id);
  }
}

/**
 * libxml2's details as problems. A detail without a node ("Extra element devices in
 * interleave") explains the located one that follows it, so it is merged into that one.
 */
function toProblems(details: readonly Libxml2.ErrorDetail[], rule: string, rootPath: string): Problem[] {
  const problems: Problem[] = [];
  let pending: string[] = [];
  for (const d of details) {
    const message = d.message.trim();
    if (!d.line && !d.xpath) {
      pending.push(message);
      continue;
    }
    const p: Problem = { severity: d.level === 1 ? 'warning' : 'error', path: d.xpath ?? rootPath, rule, message: [...pending, message].join('; ') };
    if (d.line) p.line = d.line;
    if (d.col) p.column = d.col;
    problems.push(p);
    pending = [];
  }
  if (pending.length > 0) problems.push({ severity: 'error', path: rootPath, rule, message: pending.join('; ') });
  return problems;
}

const shared = new Map<string, Promise<RelaxNgValidator>>();

/**
 * Validates one document against the schemas in `schemaDir` (default `DEFAULT_SCHEMA_DIR`).
 * The validator is kept per directory, so each schema is compiled once per process.
 */
export async function validateRelaxNG(xml: string | Uint8Array, schemaDir: string = DEFAULT_SCHEMA_DIR): Promise<Problem[]> {
  let validator = shared.get(schemaDir);
  if (!validator) {
    validator = loadRelaxNG({ schemas: schemaDir });
    shared.set(schemaDir, validator);
    validator.catch(() => shared.delete(schemaDir));
  }
  return (await validator).validate(xml);
}

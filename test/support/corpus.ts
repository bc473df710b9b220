/**
 * The corpus of real libvirt documents beside the project (../shared/corpus/libvirt),
 * located relative to this file so that no machine path is written anywhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/libvirt/', import.meta.url));

export interface CorpusFile {
  /** Path relative to the corpus directory. */
  name: string;
  text: string;
  /** Root element name (local). */
  root: string;
}

let cache: CorpusFile[] | undefined;

/** Every `.xml` file of the corpus, with its root element name read by a quick scan. */
export function corpusFiles(): CorpusFile[] {
  if (cache) return cache;
  if (!existsSync(corpusDir)) return (cache = []);
  const out: CorpusFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.xml')) {
        const text = readFileSync(p, 'utf8');
        const m = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(text.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''));
        out.push({ name: relative(corpusDir, p), text, root: m ? m[1] : '' });
      }
    }
  };
  walk(corpusDir);
  out.sort((a, b) => (a.name < b.name ? -1 : 1));
  return (cache = out);
}

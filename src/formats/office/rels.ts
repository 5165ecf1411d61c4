/** Reads an Office Open XML relationships part: which id points at which part or link. */
import { posix } from 'node:path';
import type { Archive } from './zip.js';
import { attr, NS, parseXml } from './xml.js';

export interface Relationship {
  type: string;
  /** a part name inside the archive, or a URL for an external target */
  target: string;
  external: boolean;
}

/** The relationships of `part` (from `dir/_rels/name.rels`), targets resolved against the part's folder. */
export function relationshipsOf(archive: Archive, part: string): Map<string, Relationship> {
  const dir = posix.dirname(part);
  const relsName = `${dir === '.' ? '' : `${dir}/`}_rels/${posix.basename(part)}.rels`;
  const out = new Map<string, Relationship>();
  const xml = archive.text(relsName);
  if (xml === undefined) return out;
  parseXml(xml, relsName, {
    open(element) {
      if (element.uri !== NS.rels || element.local !== 'Relationship') return;
      const id = attr(element, '', 'Id');
      const target = attr(element, '', 'Target');
      if (id === undefined || target === undefined) return;
      const external = attr(element, '', 'TargetMode') === 'External';
      const resolved = external ? target : target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
      out.set(id, { type: attr(element, '', 'Type') ?? '', target: resolved, external });
    },
  });
  return out;
}

/** Whether a relationship type is the given kind (`slide`, `notesSlide`, `hyperlink`...). */
export function isType(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/**
 * Opens the zip archive of an Office or OpenDocument file with every bound checked before anything
 * is inflated: the number of entries, each part's unpacked size, its compression ratio and the
 * total unpacked, so that no zip bomb or huge XML part can exhaust memory.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { FormatError } from '../../model/document.js';

/** An XML part larger than this is no sales document: refused before it is inflated. */
export const PART_LIMIT = 32 * 1024 * 1024;
/** All the parts one file may unpack to, together. */
export const TOTAL_LIMIT = 96 * 1024 * 1024;
/** XML compresses about 5-20 to 1; a thousand to one is a bomb. */
export const RATIO_LIMIT = 200;
const ENTRY_LIMIT = 20_000;

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export interface Archive {
  names: ReadonlySet<string>;
  /** the part as text, or undefined when the archive has no such part */
  text(name: string): string | undefined;
}

interface Entry {
  size: number;
  originalSize: number;
}

export function openArchive(bytes: Uint8Array, kind: string): Archive {
  refuseNonZip(bytes, kind);
  const entries = new Map<string, Entry>();
  try {
    unzipSync(bytes, {
      filter(file) {
        if (entries.size >= ENTRY_LIMIT) throw new FormatError(`corrupt or hostile: more than ${ENTRY_LIMIT} entries in the archive`);
        entries.set(file.name, { size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    throw new FormatError(`corrupt: not a readable zip archive (${kind} files are zip archives); it may be truncated or damaged`);
  }
  let unpacked = 0;
  return {
    names: new Set(entries.keys()),
    text(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (entry.originalSize > PART_LIMIT) throw new FormatError(`too large when unpacked: ${name} unpacks to ${mib(entry.originalSize)} (the limit for one part is ${mib(PART_LIMIT)}); a zip bomb, or a document too large to check`);
      if (entry.originalSize > 4096 && entry.originalSize > entry.size * RATIO_LIMIT) {
        throw new FormatError(`too large when unpacked: ${name} unpacks ${Math.round(entry.originalSize / Math.max(1, entry.size))} times its packed size (a zip bomb)`);
      }
      unpacked += entry.originalSize;
      if (unpacked > TOTAL_LIMIT) throw new FormatError(`too large when unpacked: its parts unpack to more than ${mib(TOTAL_LIMIT)}`);
      let data: Uint8Array | undefined;
      try {
        // fflate inflates into a buffer of the declared size, so a part that lies about its size is cut, never grown.
        data = unzipSync(bytes, { filter: (file) => file.name === name })[name];
      } catch {
        throw new FormatError(`corrupt: the part ${name} cannot be unpacked`);
      }
      if (!data) return undefined;
      try {
        return strFromU8(data);
      } catch {
        throw new FormatError(`corrupt: the part ${name} is not UTF-8 text`);
      }
    },
  };
}

/** An encrypted Office file is an OLE compound file, not a zip: say which of the two it is. */
function refuseNonZip(bytes: Uint8Array, kind: string): void {
  if (OLE_MAGIC.every((byte, i) => bytes[i] === byte)) {
    if (holdsUtf16(bytes, 'EncryptionInfo')) throw new FormatError('password-protected: the file is encrypted; onemessage takes no passwords, so check a copy saved without one');
    throw new FormatError(`not a ${kind} file: it is an old binary Office file (Word or PowerPoint 97-2003); save it as ${kind}`);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new FormatError(`corrupt: not a zip archive (${kind} files are zip archives)`);
}

function holdsUtf16(bytes: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

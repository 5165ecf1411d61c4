/**
 * Turns a file's bytes into the text every offset refers to: UTF-8 (with or without BOM) or
 * UTF-16 with a BOM. Binary files and invalid UTF-8 are refused with a reason, never guessed at.
 */

export type Decoded = { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' } | { ok: false; reason: string; offset?: number };

const SNIFF_BYTES = 8000;

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes.subarray(2), 'utf-16be');
  const nul = bytes.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul >= 0) return { ok: false, reason: 'binary file (it holds NUL bytes), not text' };
  return utf8(bytes, 'utf-8');
}

function utf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    const at = firstInvalidUtf8(bytes);
    return { ok: false, reason: `not valid UTF-8 text (bad byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at}); save it as UTF-8` };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, reason: `not valid ${encoding.toUpperCase()} text` };
  }
}

/** Byte index of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >> 5 === 0x6 ? 1 : b >> 4 === 0xe ? 2 : b >> 3 === 0x1e ? 3 : -1;
    if (need < 0) return i;
    for (let j = 1; j <= need; j++) if (((bytes[i + j] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}

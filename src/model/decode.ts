/**
 * Turns bytes into the text every offset refers to, the one way for content files, standard input
 * and specs: UTF-8 (with or without BOM) or UTF-16 with a BOM. Binary data (a NUL anywhere) and
 * malformed text are refused with a reason naming the byte, never guessed at.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | {
      ok: false;
      reason: string;
      /** the text before the byte at fault, so the problem can be placed at a line and column */
      prefix?: string;
    };

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes, 3, 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  return utf8(bytes, 0, 'utf-8');
}

/** A NUL is never text: a reader would drop it or shift every position after it. */
function binary(byte: number, prefix: string): Decoded {
  return { ok: false, reason: `binary file (a NUL byte at byte ${byte}), not text`, prefix };
}

/** A NUL this early says binary (an image, an archive) better than the bad byte that may come first. */
const SNIFF_BYTES = 8000;

function utf8(bytes: Uint8Array, start: number, encoding: 'utf-8' | 'utf-8-bom'): Decoded {
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0 && start + nul < SNIFF_BYTES) return { ok: false, reason: `binary file (a NUL byte at byte ${start + nul}), not text` };
  const bad = firstInvalidUtf8(body);
  if (bad < body.length && (nul < 0 || bad < nul)) {
    const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.subarray(0, bad));
    return { ok: false, reason: `not valid UTF-8 text (bad byte 0x${body[bad]!.toString(16).padStart(2, '0')} at byte ${start + bad}); save it as UTF-8`, prefix };
  }
  if (nul >= 0) return binary(start + nul, new TextDecoder('utf-8', { ignoreBOM: true }).decode(body.subarray(0, nul)));
  return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(body), encoding };
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const body = bytes.subarray(2);
  const name = encoding.toUpperCase();
  if (body.length % 2 === 1) return { ok: false, reason: `not valid ${name} text (an odd number of bytes: the last, at byte ${bytes.length - 1}, is half a character)` };
  // Lenient decoding and a scan of our own, so the message can say where.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 0) return binary(2 + 2 * i, text.slice(0, i));
    if (unit === 0xfffd && !sameUnit(body, i, encoding, 0xfffd)) {
      return { ok: false, reason: `not valid ${name} text (a lone surrogate at byte ${2 + 2 * i})`, prefix: text.slice(0, i) };
    }
  }
  return { ok: true, text, encoding };
}

/** Whether the code unit at `index` of a UTF-16 body is `unit` as written (not a replacement the decoder made). */
function sameUnit(body: Uint8Array, index: number, encoding: 'utf-16le' | 'utf-16be', unit: number): boolean {
  const a = body[2 * index]!;
  const b = body[2 * index + 1]!;
  return (encoding === 'utf-16le' ? a | (b << 8) : (a << 8) | b) === unit;
}

/**
 * Index of the first byte that starts no valid UTF-8 sequence (RFC 3629: no overlong forms, no
 * surrogates, nothing past U+10FFFF, no sequence cut short), or the length when all is valid.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // a surrogate
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) low = 0x90; // overlong
      if (b === 0xf4) high = 0x8f; // past U+10FFFF
    } else return i; // a continuation byte with no lead, an overlong lead (C0, C1) or F5..FF
    const second = bytes[i + 1];
    if (second === undefined || second < low || second > high) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return n;
}

/**
 * Counts work instead of timing it, so that a "linear, not quadratic" promise is checked the same
 * on an idle laptop and on a busy 2-core CI machine.
 *
 * The tokeniser, the quantity scanner, the phrase-gap and negation checks and much of the readers
 * are regular expressions applied step by step, so what the regex engine reads is a measure of
 * their work. Every built-in way to run a regex (`exec`, `test`, `match`, `matchAll`, `replace`,
 * `split`) goes through `RegExp.prototype.exec`, which this wraps while `fn` runs, counting each
 * execution and the characters it read: from where it started (`lastIndex` for a global or sticky
 * regex, else 0) to the end of its match, or to the end of the text when a scan finds nothing.
 * Backtracking is not seen, so this bounds work from below: a quadratic rescan shows, a
 * catastrophic regex may not (they run on re2js, which has none).
 */

export interface RegexWork {
  /** regex executions */
  execs: number;
  /** characters those executions read */
  scanned: number;
}

function install(work: RegexWork): () => void {
  const original = RegExp.prototype.exec;
  RegExp.prototype.exec = function exec(this: RegExp, text: string): RegExpExecArray | null {
    const anchored = this.global || this.sticky;
    const from = anchored ? this.lastIndex : 0;
    const match = original.call(this, text);
    const length = String(text).length;
    work.execs++;
    work.scanned += Math.max(1, match ? match.index + match[0].length - from : this.sticky ? 1 : length - from);
    return match;
  };
  return () => {
    RegExp.prototype.exec = original;
  };
}

/** Runs `fn` and returns its result with the regex work it did. */
export function countRegexWork<T>(fn: () => T): RegexWork & { result: T } {
  const work: RegexWork = { execs: 0, scanned: 0 };
  const restore = install(work);
  try {
    const result = fn();
    return { ...work, result };
  } finally {
    restore();
  }
}

/**
 * The same for async work (file reads). Whatever else runs in this worker while `fn` awaits is
 * counted too, so compare with a margin, and run nothing else concurrently in the test.
 */
export async function countRegexWorkAsync<T>(fn: () => Promise<T>): Promise<RegexWork & { result: T }> {
  const work: RegexWork = { execs: 0, scanned: 0 };
  const restore = install(work);
  try {
    const result = await fn();
    return { ...work, result };
  } finally {
    restore();
  }
}

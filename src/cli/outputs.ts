/**
 * `--format` and `--output` pairs in the order given: each `--output FILE` belongs to the
 * `--format` before it (`--format stylish --format sarif --output report.sarif` prints stylish
 * and writes SARIF). Commander hands both options to one collector, in argv order.
 */
import type { Reporter } from '../report/reporter.js';
import { UsageError } from '../spec/errors.js';

export interface OutputTarget {
  format: string;
  /** undefined: standard output */
  file?: string;
  /** a formatter loaded from a module path (`--format ./my-formatter.js`) */
  reporter?: Reporter;
}

export class OutputCollector {
  readonly targets: OutputTarget[] = [];

  format = (name: string): string => {
    this.targets.push({ format: name });
    return name;
  };

  output = (file: string): string => {
    const last = this.targets[this.targets.length - 1];
    if (!last) this.targets.push({ format: 'stylish', file });
    else if (last.file !== undefined) throw new UsageError(`--output ${file} follows --output ${last.file}: give a --format before each --output`);
    else last.file = file;
    return file;
  };

  /** The targets, or stylish on standard output when none were given. */
  resolved(defaultFormat = 'stylish'): OutputTarget[] {
    return this.targets.length > 0 ? this.targets : [{ format: defaultFormat }];
  }
}

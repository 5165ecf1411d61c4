/** A problem with the spec a user can fix: always shown as one line, `file:line:col: message`. */
export class SpecError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'SpecError';
  }

  /** The one line the CLI prints, e.g. `onemessage.yaml:12:5: unknown key "clams"; did you mean "claims"?` */
  format(): string {
    const where = this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
    return `${where}: ${this.message}`;
  }
}

/** A usage error (bad flag, missing spec): exit code 2, one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Every problem found in a spec, in source order, so that a user can fix them in one go.
 * The message is the errors' one-line forms, one per line.
 */
export class SpecErrors extends Error {
  constructor(readonly errors: SpecError[]) {
    super(errors.map((error) => error.format()).join('\n'));
    this.name = 'SpecErrors';
  }
}

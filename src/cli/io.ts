/** What the CLI touches of the outside world, injectable so tests can run it in-process. */

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** whether stdout is a terminal (colour, progress) */
  stdoutIsTTY: boolean;
  /** whether stderr is a terminal (the progress bar); absent means no */
  stderrIsTTY?: boolean;
  /**
   * Reads all of standard input (for --stdin) as bytes, decoded as a file's are. A string (a test's
   * convenience) stands for its UTF-8 bytes.
   */
  readStdin(): Promise<Uint8Array | string>;
}

export function processIo(): Io {
  // A reader that stops early (`| head`) closes the pipe: the rest of the output goes nowhere, the
  // run still ends with its own exit code, and no stack trace is printed.
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => closed || process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

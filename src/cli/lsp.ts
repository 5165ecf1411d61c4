/**
 * `onemessage lsp`: runs the language server over standard input and output until the client
 * goes away. Standard output carries the protocol alone, so anything else that would print
 * there goes to standard error.
 */
import { format } from 'node:util';
import { startServer, type ServerStreams } from '../lsp/server.js';
import type { Io } from './io.js';

export async function lspCommand(io: Io, streams: ServerStreams = { input: process.stdin, output: process.stdout }): Promise<number> {
  const toStderr = (...args: unknown[]) => io.stderr(`${format(...args)}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  // A failure inside one check is logged by the server; this is the net under everything else.
  process.on('unhandledRejection', (reason) => toStderr('onemessage lsp: unexpected error:', reason));
  startServer(streams);
  await new Promise<void>((resolve) => {
    streams.input.on('end', resolve);
    streams.input.on('close', resolve);
  });
  return 0;
}

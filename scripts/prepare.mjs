// npm runs `prepare` both after the repository's own `npm ci` and when it packs onemessage as a
// git (or folder) dependency. Only the second needs the build: npm then sets npm_package_resolved
// (pacote's DirFetcher), and the clone has the TypeScript compiler among its dev dependencies. The
// repository's own install stays a plain install; `npm test` and `npm run build` build there.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

if (process.env.npm_package_resolved) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { stdio: 'inherit' });
}

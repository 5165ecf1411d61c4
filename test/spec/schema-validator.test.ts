import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, schemaValidatorSource } from '../../scripts/schema-validator.js';

describe('the precompiled spec validator', () => {
  it('is the standalone code of the schema as it is now (else: npm run build)', () => {
    // A stale validator would accept or refuse keys the schema no longer says; regenerate it with
    // `npm run build` (or `npx tsx scripts/schema-validator.ts`) after editing the schema.
    expect(readFileSync(GENERATED, 'utf8') === schemaValidatorSource(), 'src/spec/schema-validator.generated.ts is stale: run npm run build').toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { replacementFor } from '../../rules/term/use.js';
import { ruleTester } from '../helpers/lint.js';

ruleTester('term/use', {
  spec: `terms:
  - use: TrailPack
    not: ["Trail Pack", "Trailpack", "trail-pack"]
  - use: sign in
    not: ["login to", "log-in to"]
    channels: [support]`,
  valid: [
    { name: 'the right form', text: 'Meet the TrailPack 45.\n' },
    { name: 'a channel-limited term outside its channel', text: 'Please login to the dealer portal.\n', channel: 'marketing' },
    { name: 'in a URL', text: 'See https://example.com/trail-pack for details.\n' },
  ],
  invalid: [
    {
      name: 'hyphen and space tolerance, plural',
      text: 'Compare our Trail-Packs side by side.\n',
      errors: [{ line: 1, column: 13, endColumn: 24, message: 'Use "TrailPack" instead of "Trail-Packs".' }],
    },
    {
      name: 'channel-limited term in its channel',
      text: 'Please login to your account.\n',
      channel: 'support',
      errors: [{ line: 1, column: 8, endColumn: 16, message: 'Use "sign in" instead of "login to".' }],
    },
  ],
});

describe('term/use fix text', () => {
  it('keeps a plural ending', () => expect(replacementFor('Trail Packs', 'Trail Pack', 'TrailPack')).toBe('TrailPacks'));
  it('keeps a trailing preposition of the not form', () => expect(replacementFor('login to', 'login to', 'sign in')).toBe('sign in to'));
  it('replaces exactly otherwise', () => expect(replacementFor('Trailpack', 'Trailpack', 'TrailPack')).toBe('TrailPack'));
  it('keeps a capital at the start of a sentence', () => expect(replacementFor('Login to', 'login to', 'sign in')).toBe('Sign in to'));
  it('does not lower a brand spelling', () => expect(replacementFor('trail pack', 'Trail Pack', 'TrailPack')).toBe('TrailPack'));
});

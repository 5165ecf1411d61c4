/** Every rule onemessage ships, in the order `onemessage rules` lists them. */
import type { Rule } from '../src/engine/rule.js';
import { claimChannel } from './claim/channel.js';
import { claimEvidence } from './claim/evidence.js';
import { claimExpired } from './claim/expired.js';
import { claimForbidden } from './claim/forbidden.js';
import { factConflict } from './fact/conflict.js';
import { factMismatch } from './fact/mismatch.js';
import { fileUnreadable } from './file/unreadable.js';
import { termUse } from './term/use.js';

export const rules: Rule[] = [factMismatch, factConflict, claimForbidden, claimChannel, claimEvidence, claimExpired, termUse, fileUnreadable];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

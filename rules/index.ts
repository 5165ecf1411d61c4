/** Every rule onemessage ships, in the order `onemessage rules` lists them. */
import type { Rule } from '../src/engine/rule.js';
import { claimChannel } from './claim/channel.js';
import { claimEvidence } from './claim/evidence.js';
import { claimExpired } from './claim/expired.js';
import { claimForbidden } from './claim/forbidden.js';
import { directiveReason } from './directive/reason.js';
import { directiveUnused } from './directive/unused.js';
import { exceptionExpired } from './exception/expired.js';
import { fileUnreadable } from './file/unreadable.js';
import { termUse } from './term/use.js';

export const rules: Rule[] = [claimForbidden, claimChannel, claimEvidence, claimExpired, termUse, directiveReason, directiveUnused, exceptionExpired, fileUnreadable];

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

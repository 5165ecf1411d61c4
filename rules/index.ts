/** Every rule onemessage ships, in the order `onemessage rules` lists them, and the views a run builds from them. */
import type { Rule } from '../src/lint/rule.js';
import { claimChannel } from './claim/channel.js';
import { claimEvidence } from './claim/evidence.js';
import { claimExpired } from './claim/expired.js';
import { claimForbidden } from './claim/forbidden.js';
import { claimRequires } from './claim/requires.js';
import { directiveReason } from './directive/reason.js';
import { directiveUnused } from './directive/unused.js';
import { disclosureMissing } from './disclosure/missing.js';
import { disclosurePlacement } from './disclosure/placement.js';
import { exceptionExpired } from './exception/expired.js';
import { factConflict } from './fact/conflict.js';
import { factMatrix } from './fact/matrix.js';
import { factMismatch } from './fact/mismatch.js';
import { fileDuplicateKey } from './file/duplicate-key.js';
import { fileUnreadable } from './file/unreadable.js';
import { stockClaim } from './stock/claim.js';
import { stockLeadTime } from './stock/lead-time.js';
import { stockPromise } from './stock/promise.js';
import { termUse } from './term/use.js';

export const rules: Rule[] = [
  factMismatch,
  factConflict,
  claimForbidden,
  claimChannel,
  claimEvidence,
  claimExpired,
  claimRequires,
  stockPromise,
  stockLeadTime,
  stockClaim,
  disclosureMissing,
  disclosurePlacement,
  termUse,
  directiveReason,
  directiveUnused,
  exceptionExpired,
  fileUnreadable,
  fileDuplicateKey,
];

/** The fact-by-channel message map, built from the fact rules' statements. */
export { factMatrix };

export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}

/**
 * The built-in English idioms in which a claim word or a disclosure trigger says something else:
 * "best practices", "works best", "at best", "employer-sponsored". A match inside one is not the
 * claim (src/match/judge.ts). Each is a phrase template, matched like any other; a spec item's
 * own `unless` adds the idioms of its field. Curated: add an idiom only with a sentence it
 * wrongly flagged, written in its shape, in test/rules/claim-context.test.ts.
 */

/** SpecPos.file of the built-in idioms (line = index in the list + 1). */
export const BUILTIN_IDIOM_FILE = 'builtin:idioms';

/** The item id every idiom is matched under. */
export const IDIOM_ITEM = 'idiom';

export const IDIOM_TEMPLATES: readonly string[] = [
  'best practice',
  '(short|pressed) (on|for) time',
  '(work|works|worked|working) best',
  'best (suited|fit|fits|if|when|before|after|regards|wishes|guess|effort|efforts)',
  '(at|do|does|doing|did|done|try|tries|trying|tried) (your|our|my|their|his|her|its|the)? (very )?best',
  '(all|wish you) the best',
  '(work|works|working|collaborate|collaborating|compete|competing) with the best',
  '(hire|hiring|attract|attracting|recruit|recruiting) the best',
  'best of (luck|both worlds)',
  '(best|worst) case',
  '(second|next) best',
  'to the best of (my|our|your|their) (knowledge|ability|abilities)',
  'make the (best|most) of',
  '(in a|no) hurry',
  'hurry up and wait',
  '(no|zero|without (any|the)?) risk (of|that)',
  '(at|of) (your|their|his|her) own risk',
  '(a|the) cure for (the|this|that|these|those|your|our|their)? (problem|problems|pain|headache|headaches|issue|issues|boredom|bug|bugs)',
  '(employer|government|state|company|corporate|community|industry|self|university|school|publicly|privately|federally|foundation) sponsored',
  'sponsored (exam|exams|project|projects|research|retirement|visa|visas)',
];

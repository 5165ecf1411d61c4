/**
 * Small English word lists shared by fact inference and discover: stop words, and the light
 * words that may stand between what a quantity measures and the quantity without changing what
 * it measures ("returns are accepted within 30 days", "return window: 30 days").
 */

export const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an the of on in at for to with within by from and or but your our their its it them this that these those you we they is are was be been can will may all any every each up over above under than least per as so if no not just only into out about'.split(' '),
);

/** Words that end a phrase's template unless the next word is part of it: hedges never are. */
export function isContentWord(word: string): boolean {
  return !STOP_WORDS.has(word) && /\p{L}/u.test(word);
}

/**
 * Words that say nothing of what a quantity measures: function words, auxiliaries, the light
 * predicates of a policy ("accepted", "eligible", "offer"), frame nouns ("window", "period",
 * "policy") and what an offer applies to ("orders", "items"). Any other word between a topic
 * and a quantity names something else the quantity may measure ("refunds are *processed*
 * within 5 days", "refund *requests* within 24 hours"), so it breaks the link.
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set([
  ...STOP_WORDS,
  ...'were being am do does did have has had get gets got would could might must shall should also still now then there here'.split(' '),
  ...'accept accepts accepted accepting allow allows allowed offer offers offered give gives given include includes included provide provides provided'.split(' '),
  ...'available eligible valid possible permitted standard extended full simple easy usual normal regular generous'.split(' '),
  // how long something holds is what its duration measures: "invites expire after 5 days", "items remain in the trash for 30 days"
  ...'expire expires expired last lasts remain remains stay stays kept stored retained held active open'.split(' '),
  ...'window windows period periods policy policies limit limits time timeframe frame term terms deadline duration length maximum minimum max min total'.split(' '),
  ...'order orders item items purchase purchases product products'.split(' '),
  ...'usually typically generally normally always currently simply approximately around roughly nearly almost after before until'.split(' '),
  ...'what which whose one you’ll you\'ll we’ll we\'ll we’re we\'re you’re you\'re'.split(' '),
]);

/**
 * Words that may stand between a quantity and the topic after it, and only there: "30 days to
 * *request* a refund", "14 days to *start* a return". After a topic they name another measure
 * ("refund requests within 24 hours").
 */
export const LIGHT_BEFORE_TOPIC: ReadonlySet<string> = new Set('request requests claim ask make submit start initiate file open send receive obtain get'.split(' '));

/** Words that say where a duration is counted from, not what it is about: "within 14 days of delivery". */
export const REFERENCE_POINT: ReadonlySet<string> = new Set(['of', 'from', 'after', 'since', 'following']);

/**
 * The small built-in vocabulary discover groups statements by: topic heads (the nouns and
 * verbs a stated quantity is about), qualifiers that split one topic into separate facts
 * (annual vs monthly, free vs paid shipping), stop words, and a light stemmer.
 */
import type { QuantityKind } from '../match/quantity.js';

export { isContentWord, REFERENCE_POINT, STOP_WORDS } from '../match/words.js';

export interface Topic {
  id: string;
  /** head word sequences, stemmed; the longest that matches wins */
  heads: string[][];
  /** quantity kinds a statement of this topic can have: "30-day trial" is one, "$30 trial" is not */
  kinds: QuantityKind[];
  /** a limit topic keeps each head apart: "10 GB of storage" and "5 users" are different facts */
  perHead?: boolean;
}

const words = (list: string): string[][] => list.split(',').map((entry) => entry.trim().split(' ').map(stem));

export const TOPICS: Topic[] = [
  { id: 'returns', heads: words('return, refund, refundable, money back, money back guarantee, exchange'), kinds: ['duration'] },
  { id: 'trial', heads: words('trial, free trial, trial period'), kinds: ['duration'] },
  { id: 'warranty', heads: words('warranty, guarantee, guaranteed, warrantied'), kinds: ['duration'] },
  { id: 'shipping', heads: words('ship, shipping, free shipping, delivery, deliver, dispatch, postage'), kinds: ['money', 'duration'] },
  { id: 'price', heads: words('price, cost, pricing, plan, subscription, license, pay, billed'), kinds: ['money'] },
  { id: 'discount', heads: words('discount, off, save, saving, coupon, promo'), kinds: ['percent', 'money'] },
  { id: 'support', heads: words('support, available, availability, respond, response, reply, answer, agent, help, live chat'), kinds: ['duration', 'always'] },
  {
    id: 'limit',
    heads: words('storage, limit, quota, upload, file, user, seat, event, request, api call, project, member, contact, email, message, page view, site, domain, workspace, integration, bandwidth, transfer'),
    kinds: ['size', 'number'],
    perHead: true,
  },
];

/**
 * Qualifiers split a topic into separate facts: the annual discount is not the launch
 * discount, the monthly price is not the yearly one. Each maps stemmed words to a qualifier.
 */
export const QUALIFIERS: Record<string, Record<string, string>> = {
  price: { month: 'monthly', monthly: 'monthly', mo: 'monthly', year: 'annual', yearly: 'annual', annual: 'annual', annually: 'annual', yr: 'annual', user: 'per-user', seat: 'per-user' },
  discount: { annual: 'annual', annually: 'annual', yearly: 'annual', first: 'first-order', student: 'student', nonprofit: 'nonprofit', referral: 'referral' },
  shipping: { free: 'free', express: 'express', international: 'international', standard: 'standard' },
  support: { phone: 'phone', chat: 'chat', email: 'email' },
};


/** Words that bind a quantity to the noun before it: "orders over $50", "up to 10 GB". */
export const BINDERS = new Set(['over', 'above', 'under', 'below', 'within', 'than', 'least', 'to', 'for', 'from', 'only', 'just', 'of', 'in']);

/**
 * A light stemmer for grouping, not for display: plurals and -ing/-ed forms fold onto the
 * stem ("returns", "returned", "returning" -> "return"; "shipping", "shipped" -> "ship").
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(w)) return w;
  if (/(sses|xes|ches|shes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('s')) return w.slice(0, -1);
  // shipp -> ship, but keep "bill", "call", "add"
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

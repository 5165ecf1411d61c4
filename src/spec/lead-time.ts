/** Checks a product's `lead-time`: one duration, as `stock/lead-time` compares it ("6-8 weeks", "10 business days"). */
import { durationInDays } from '../match/quantity.js';
import type { Quantity } from '../match/types.js';
import { quote } from './describe.js';

/** What is wrong with a lead time (compiled to `quantity`), or undefined when it reads as a duration. */
export function leadTimeProblem(text: string, quantity: Quantity | undefined, where: string): string | undefined {
  if (quantity && durationInDays(quantity)) return undefined;
  return `expected a duration such as "6-8 weeks", "10 business days" or "3 months" at ${where}, found ${quote(text)}`;
}

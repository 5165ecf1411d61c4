/** Checks a product's `lead-time`: one duration, as `stock/lead-time` compares it ("6-8 weeks", "10 business days"). */
import { durationInDays, parseQuantity } from '../match/quantity.js';
import { quote } from './describe.js';

/** What is wrong with a lead time, or undefined when it reads as a duration. */
export function leadTimeProblem(text: string, where: string): string | undefined {
  const quantity = parseQuantity(text);
  if (quantity && durationInDays(quantity)) return undefined;
  return `expected a duration such as "6-8 weeks", "10 business days" or "3 months" at ${where}, found ${quote(text)}`;
}

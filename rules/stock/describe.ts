/** How the stock rules describe a product's availability and lead time in messages. */
import { describeQuantity, durationInDays, type Quantity } from '../../src/match/quantity.js';
import type { Product, StockStatus } from '../../src/spec/types.js';

/** Stock statuses under which an immediate-availability promise is false, and how to say so. */
export const UNAVAILABLE: Partial<Record<StockStatus, string>> = {
  backorder: 'is on backorder',
  'made-to-order': 'is made to order',
  preorder: 'is only available to preorder',
  discontinued: 'is discontinued',
};

/** The product's lead time as a duration, when it has one (the spec parser compiled and checked it). */
export function leadTimeOf(product: Product): { quantity: Quantity; days: { min: number; max: number } } | undefined {
  const quantity = product.lead;
  const days = quantity && durationInDays(quantity);
  return quantity && days ? { quantity, days } : undefined;
}

/** "a 6-8 week lead time", "a 10 business day lead time". */
export function leadTimeWords(product: Product): string | undefined {
  const lead = leadTimeOf(product);
  if (!lead) return product.leadTime === undefined ? undefined : `a lead time of ${product.leadTime}`;
  const q = lead.quantity;
  // The adjective form takes the singular unit: "a 6-8 week lead time".
  const singular = describeQuantity({ ...q, min: 1, max: 1 }).replace(/^1 /, '');
  const amount = describeQuantity(q).split(' ')[0];
  return `a ${amount} ${singular} lead time`;
}

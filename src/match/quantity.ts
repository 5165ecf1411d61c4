/** Placeholder: the quantity recogniser is being built (issue 3). */
export type QuantityKind = 'number' | 'money' | 'percent' | 'duration' | 'time' | 'always';

export interface Quantity {
  kind: QuantityKind;
  min: number;
  max: number;
  unit?: string;
  start: number;
  end: number;
  text: string;
}

export function findQuantities(_text: string): Quantity[] {
  return [];
}

export function parseQuantity(_text: string): Quantity | undefined {
  return undefined;
}

export function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.kind === b.kind && a.unit === b.unit && a.min === b.min && a.max === b.max;
}

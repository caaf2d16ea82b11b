import type { Random } from './random';

/** Money is handled in integer cents and written as an exact decimal string ("1234.50"). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Bad amount: ${cents} cents`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function parseCents(amount: string): number {
  const [units, fraction = '0'] = amount.split('.');
  return Number(units) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A log-uniform amount of whole `step` dollars from `min` to `max`, in cents. */
export function randomCents(rng: Random, min: number, max: number, step: number): number {
  const dollars = Math.exp(Math.log(min) + rng.next() * (Math.log(max) - Math.log(min)));
  return Math.min(max, Math.max(min, Math.round(dollars / step) * step)) * 100;
}

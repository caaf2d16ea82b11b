/** Money as the graph returns it: an exact decimal string with two places, in USD. */
export interface ExpectedMoney {
  amount: string;
  currency: string;
}

/** A seed decimal string ("1250000.5", "12.00") in integer cents, without a float in between. */
export function cents(amount: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`Not a non-negative amount with at most two decimals: ${amount}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

export function sumCents(amounts: readonly string[]): bigint {
  return amounts.reduce((total, amount) => total + cents(amount), 0n);
}

export function atLeastZero(value: bigint): bigint {
  return value > 0n ? value : 0n;
}

export function formatCents(value: bigint): string {
  if (value < 0n) throw new Error(`Negative amounts are not expected here: ${value}`);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

export function usd(value: bigint): ExpectedMoney {
  return { amount: formatCents(value), currency: 'USD' };
}

import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../shared/src/scalars';

/** An amount of money in one currency. */
@ObjectType({ simpleResolvers: true, description: 'An amount of money in one currency.' })
export class Money {
  @Field(() => DecimalScalar, { description: 'Exact decimal amount, such as "1250000.00".' })
  amount!: string;

  @Field({ description: 'ISO 4217 currency code, such as "USD".' })
  currency!: string;
}

/** The currency every amount in the graph is recorded in. */
export const CURRENCY = 'USD';

/** Decimal strings with two places to integer cents, so sums and differences stay exact. */
export function toCents(amount: string | null | undefined): bigint {
  if (!amount) return 0n;
  const negative = amount.startsWith('-');
  const [whole, fraction = ''] = amount.replace('-', '').split('.');
  const cents = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

export function money(cents: bigint, currency = CURRENCY): Money {
  return { amount: fromCents(cents), currency };
}

import { badUserInput } from './errors';

const ISO3 = /^[A-Za-z]{3}$/;

/**
 * Normalises an ISO 3166-1 alpha-3 code given by a caller ("nga" becomes "NGA"), or refuses it
 * with a message that says what a valid code looks like.
 */
export function parseIso3(value: string, argument = 'iso3'): string {
  const trimmed = value.trim();
  if (!ISO3.test(trimmed)) {
    throw badUserInput(
      `"${value}" is not an ISO 3166-1 alpha-3 country code: use three letters, such as "NGA" for Nigeria.`,
      argument,
    );
  }
  return trimmed.toUpperCase();
}

export function parseIso3List(values: readonly string[] | null | undefined, argument: string) {
  return values?.map((value) => parseIso3(value, argument));
}

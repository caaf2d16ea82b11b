import type { Random } from './random';

const DAY_MS = 86_400_000;
/** Day numbers and their ISO strings, cached: a large data set does date arithmetic on few days. */
const dayOf = new Map<string, number>();
const dateOf = new Map<number, string>();

function toDay(date: string): number {
  let day = dayOf.get(date);
  if (day === undefined) {
    day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
    dayOf.set(date, day);
  }
  return day;
}

function fromDay(day: number): string {
  let date = dateOf.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateOf.set(day, date);
  }
  return date;
}

export function addDays(date: string, days: number): string {
  return fromDay(toDay(date) + days);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A day from `from` to `to`, both included (`from` if the range is empty). */
export function randomDate(rng: Random, from: string, to: string): string {
  const days = toDay(to) - toDay(from);
  return days <= 0 ? from : addDays(from, rng.int(0, days));
}

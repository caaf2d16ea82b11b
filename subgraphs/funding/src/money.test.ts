import { fromCents, toCents } from './money';

test.each([
  ['0.00', 0n],
  ['1250000.00', 125000000n],
  ['12.5', 1250n],
  ['7', 700n],
  ['-3.07', -307n],
  ['99999999999999.99', 9999999999999999n],
])('%s is %s cents and back', (amount, cents) => {
  expect(toCents(amount)).toBe(cents);
  expect(toCents(fromCents(cents))).toBe(cents);
});

test('sums of decimal strings stay exact where floats would not', () => {
  const total = ['0.10', '0.20', '0.30'].reduce((sum, a) => sum + toCents(a), 0n);
  expect(fromCents(total)).toBe('0.60');
  expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
});

test('empty amounts count as zero', () => {
  expect(toCents(null)).toBe(0n);
  expect(toCents(undefined)).toBe(0n);
});

import { BoundedLabel } from './bounded-label';

test('keeps the first values and counts the rest as other', () => {
  const label = new BoundedLabel(2);
  expect(['A', 'B', 'A', 'C', 'D', 'B'].map((v) => label.of(v))).toEqual([
    'A',
    'B',
    'A',
    'other',
    'other',
    'B',
  ]);
});

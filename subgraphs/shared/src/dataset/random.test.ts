import { Random } from './random';

describe('Random', () => {
  test('the same seed draws the same choices; another seed others', () => {
    const draws = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 20 }, () => random.int(0, 1000));
    };
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  test('int stays within its bounds and reaches both', () => {
    const random = new Random(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(-2, 2)));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
  });

  test('sample draws distinct items, no more than there are', () => {
    const random = new Random(1);
    const chosen = random.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(chosen).size).toBe(3);
    expect(random.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });

  test('weighted never draws a kind of weight zero, and draws the others', () => {
    const random = new Random(3);
    const seen = new Set(Array.from({ length: 300 }, () => random.weighted({ a: 1, b: 0, c: 5 })));
    expect([...seen].sort()).toEqual(['a', 'c']);
  });

  test('pick refuses an empty list', () => {
    expect(() => new Random(1).pick([])).toThrow('pick: empty list');
  });
});

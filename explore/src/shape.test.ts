import {
  classBreaks,
  classLabels,
  classOf,
  formatMoney,
  isMissing,
  missingParts,
  readClaims,
  sortRows,
  toCsv,
  totals,
  worldRows,
} from './shape';

const STATES = [
  { iso3: 'NGA', name: 'Nigeria', region: 'AFRICA' },
  { iso3: 'CHL', name: 'Chile', region: 'AMERICAS' },
  { iso3: 'FJI', name: 'Fiji', region: 'OCEANIA' },
  { iso3: 'ALB', name: 'Albania', region: 'EUROPE' },
];
const group = (key: string, recommendations: number, addressed: number) => ({
  key,
  label: key,
  recommendations,
  addressed,
  unaddressed: recommendations - addressed,
});

describe('the world table', () => {
  const rows = worldRows(STATES, [group('NGA', 5, 2), group('CHL', 1, 1), group('ALB', 3, 0)]);

  test('one row per state the summary counts, with its figures; states it omits have none', () => {
    expect(rows.map((row) => [row.iso3, row.unaddressed])).toEqual([
      ['NGA', 3],
      ['CHL', 0],
      ['ALB', 3],
    ]);
    expect(totals(rows)).toEqual({ recommendations: 9, addressed: 3, unaddressed: 6 });
  });

  test('sorts by any column either way, ties by name', () => {
    const by = (column: Parameters<typeof sortRows>[1]['column'], descending: boolean) =>
      sortRows(rows, { column, descending }).map((row) => row.iso3);
    expect(by('unaddressed', true)).toEqual(['ALB', 'NGA', 'CHL']);
    expect(by('unaddressed', false)).toEqual(['CHL', 'ALB', 'NGA']);
    expect(by('name', false)).toEqual(['ALB', 'CHL', 'NGA']);
    expect(by('region', true)).toEqual(['ALB', 'CHL', 'NGA']);
    expect(by('addressed', true)).toEqual(['NGA', 'CHL', 'ALB']);
  });
});

describe('the map classes', () => {
  test('split the counts so each class holds a share of the states', () => {
    const values = [0, 1, 1, 1, 2, 2, 3, 5, 8, 13, 40];
    const breaks = classBreaks(values);
    expect(breaks).toEqual([1, 2, 3, 8, 40]);
    expect(values.map((v) => classOf(v, breaks))).toEqual([-1, 0, 0, 0, 1, 1, 2, 3, 3, 4, 4]);
    expect(classLabels(breaks)).toEqual(['1', '2', '3', '4–8', '9–40']);
  });

  test('fewer classes than asked when the counts are few, none when all are zero', () => {
    expect(classBreaks([1, 1, 2])).toEqual([1, 2]);
    expect(classLabels([1, 2])).toEqual(['1', '2']);
    expect(classBreaks([0, 0])).toEqual([]);
    expect(classOf(0, [])).toBe(-1);
  });
});

describe('CSV', () => {
  test('quotes what needs quoting and defuses formulas', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['Côte d’Ivoire', 3],
          ['Say "hi", then go', '=HYPERLINK("x")'],
        ],
      ),
    ).toBe('a,b\r\nCôte d’Ivoire,3\r\n"Say ""hi"", then go","\'=HYPERLINK(""x"")"\r\n');
    expect(toCsv(['n'], [['-1'], ['+1'], ['@SUM(A1)']])).toBe(
      'n\r\n"\'-1"\r\n"\'+1"\r\n"\'@SUM(A1)"\r\n',
    );
  });
});

describe('partial answers', () => {
  const errors = [
    { message: 'x', path: ['memberState', 'projects'], extensions: { serviceName: 'funding' } },
    { message: 'y', path: ['memberState', 'donor'], extensions: { serviceName: 'funding' } },
    { message: 'Something else went wrong.', path: ['memberState', 'assessments'] },
  ];

  test('one sentence per missing service, in words', () => {
    expect(missingParts(errors)).toEqual([
      'The funding service did not answer, so projects and funding are missing from this page. Try again shortly.',
      'Something else went wrong.',
    ]);
  });

  test('which fields are missing, by path', () => {
    expect(isMissing(errors, 'memberState', 'projects')).toBe(true);
    expect(isMissing(errors, 'memberState', 'recommendations')).toBe(false);
    expect(isMissing(errors, 'memberState')).toBe(true);
  });
});

test('money is shown exactly, with no rounding through a float', () => {
  expect(formatMoney('1250000.00', 'USD')).toBe('$1,250,000.00');
  expect(formatMoney('90071992547409.93', 'USD')).toBe('$90,071,992,547,409.93');
  expect(formatMoney('0.10', 'EUR')).toBe('€0.10');
});

test('the sign-in box reads who a token names, and nothing from what is not a token', () => {
  const payload = Buffer.from(
    JSON.stringify({ sub: 'ana', entity: 'UNODC', roles: ['cted'] }),
  ).toString('base64url');
  expect(readClaims(`eyJhbGciOiJIUzI1NiJ9.${payload}.sig`)).toEqual({
    sub: 'ana',
    entity: 'UNODC',
    roles: ['cted'],
  });
  expect(readClaims('not a token')).toBeUndefined();
  expect(readClaims('a.%%%.c')).toBeUndefined();
});

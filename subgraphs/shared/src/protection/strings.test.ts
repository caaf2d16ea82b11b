import { parse } from 'graphql';
import { badStringRefusal, findBadString, stringProblem } from './strings';

const NUL = 'contains a NUL character (U+0000); remove it';
const lone = (unit: string) =>
  `contains an unpaired UTF-16 surrogate (U+${unit}), which is not a character; send the whole character or remove it`;

test('a string is fine unless it holds a NUL or a surrogate without its pair', () => {
  expect(stringProblem('Ça va, 東京, 😀')).toBeUndefined();
  expect(stringProblem('')).toBeUndefined();
  expect(stringProblem('A\u0000B')).toBe(NUL);
  expect(stringProblem('A\ud800B')).toBe(lone('D800'));
  expect(stringProblem('\udfff')).toBe(lone('DFFF'));
  expect(stringProblem('😀'.slice(1))).toBe(lone('DE00'));
  expect(stringProblem('😀'.slice(0, 1))).toBe(lone('D83D'));
});

test('a literal in the document names its argument, and the input field and item inside it', () => {
  const found = (document: string) => findBadString(parse(document), {});
  expect(found('{ project(code: "CGC-2025-0001") { id } }')).toBeUndefined();
  expect(found('{ project(code: "A\\u0000B") { id } }')).toEqual({
    argument: 'code',
    problem: NUL,
  });
  expect(
    found('mutation { createProject(input: { code: "X", title: "A\\u0000B" }) { id } }'),
  ).toEqual({ argument: 'input.title', problem: NUL });
  expect(
    found('mutation { createProject(input: { partnerEntities: ["UNDP", "\\u0000"] }) { id } }'),
  ).toEqual({ argument: 'input.partnerEntities[1]', problem: NUL });
  expect(found('{ a @tag(name: "\\u0000") }')).toEqual({ argument: 'name', problem: NUL });
  expect(found('query { ...F } fragment F on Query { a(b: { c: [["\\u0000"]] }) }')).toEqual({
    argument: 'b.c[0][0]',
    problem: NUL,
  });
});

test('a variable is checked where it is used, with the path of its place', () => {
  const document = parse(
    `mutation ($input: CreateProjectInput!, $code: String, $states: [String!]) {
      a: createProject(input: $input) { id }
      b: project(code: $code) { id }
      c: projects(filter: { beneficiaryStates: $states }) { id }
    }`,
  );
  expect(findBadString(document, { input: { title: 'ok' }, code: 'ok' })).toBeUndefined();
  expect(findBadString(document, { input: { title: 'A\u0000B' } })).toEqual({
    argument: 'input.title',
    problem: NUL,
  });
  expect(
    findBadString(document, { input: { links: [{ note: 'x' }, { note: '\ud800' }] } }),
  ).toEqual({ argument: 'input.links[1].note', problem: lone('D800') });
  expect(findBadString(document, { code: '\udc00' })).toEqual({
    argument: 'code',
    problem: lone('DC00'),
  });
  expect(findBadString(document, { states: ['NGA', 'A\u0000'] })).toEqual({
    argument: 'filter.beneficiaryStates[1]',
    problem: NUL,
  });
});

test('a variable used in several places is named by the first', () => {
  const document = parse(
    'query ($code: String) { a: project(code: $code) { id } b: projects(filter: { leadEntity: [$code] }) { id } }',
  );
  expect(findBadString(document, { code: '\u0000' })?.argument).toBe('code');
  expect(findBadString(document, { code: 'fine' })).toBeUndefined();
});

test('a variable left out is checked by its default; one never used is not looked at', () => {
  const document = parse('query ($code: String = "A\\u0000") { project(code: $code) { id } }');
  expect(findBadString(document, {})).toEqual({ argument: 'code', problem: NUL });
  expect(findBadString(document, { code: 'fine' })).toBeUndefined();
  expect(findBadString(parse('{ a }'), { unused: '\u0000' })).toBeUndefined();
});

test("_entities' representations are JSON: their values and keys are walked", () => {
  const document = parse(
    'query ($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }',
  );
  const representations = [
    { __typename: 'Project', id: '1' },
    { __typename: 'Project', code: 'A\u0000', nested: { list: [1, true, null] } },
  ];
  expect(findBadString(document, { representations })).toEqual({
    argument: 'representations[1].code',
    problem: NUL,
  });
  expect(
    findBadString(document, { representations: [{ __typename: 'X', deep: [{ 'k\ud800': 1 }] }] }),
  ).toEqual({ argument: 'representations[0].deep[0].k\\ud800', problem: lone('D800') });
});

test('a variable nested far deeper than the stack is walked', () => {
  let deep: unknown = 'A\u0000';
  for (let i = 0; i < 50_000; i++) deep = [deep];
  const document = parse('query ($v: _Any) { a(v: $v) }');
  expect(findBadString(document, { v: deep })?.problem).toBe(NUL);
});

test('the refusal is BAD_USER_INPUT with the argument named and status 400', () => {
  const error = badStringRefusal(
    parse('mutation ($input: CreateProjectInput!) { createProject(input: $input) { id } }'),
    { input: { title: 'A\u0000B' } },
  );
  expect(error?.message).toBe(`The argument "input.title" ${NUL}.`);
  expect(error?.extensions).toEqual({
    code: 'BAD_USER_INPUT',
    argument: 'input.title',
    http: { status: 400, spec: false },
  });
  expect(badStringRefusal(parse('{ a(b: "c") }'), null)).toBeUndefined();
});

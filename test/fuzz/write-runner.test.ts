import { classify, count, tallyLines, type Tally } from './write-runner';

const refusal = (code: string) => ({ errors: [{ message: 'no', extensions: { code } }] });

describe('classify', () => {
  test('an answer with data and no errors is accepted', () => {
    expect(classify(200, { data: { x: 1 } }, [])).toEqual({ result: 'accepted' });
  });

  test('a refusal the operation allows is counted by its code', () => {
    expect(classify(409, refusal('CONFLICT'), ['CONFLICT'])).toEqual({
      result: 'refused',
      code: 'CONFLICT',
    });
  });

  test('any other code, a 5xx, a body that is not JSON or an empty answer fails', () => {
    expect(classify(200, refusal('INTERNAL_SERVER_ERROR'), ['CONFLICT'])).toMatchObject({
      result: 'failed',
      code: 'INTERNAL_SERVER_ERROR',
    });
    expect(classify(403, refusal('FORBIDDEN'), [])).toMatchObject({ result: 'failed' });
    expect(classify(502, undefined, [])).toMatchObject({ result: 'failed', code: 'HTTP_502' });
    expect(classify(500, refusal('CONFLICT'), ['CONFLICT'])).toMatchObject({ result: 'failed' });
    expect(classify(200, { data: null }, [])).toMatchObject({ result: 'failed', code: 'NO_DATA' });
    expect(classify(200, { errors: [{ message: 'x' }] }, [])).toMatchObject({ code: 'NO_CODE' });
  });
});

test('the tally counts each kind, its refusals by code and its failures', () => {
  const tally: Tally = {};
  count(tally, 'deleteProject', { result: 'accepted' });
  count(tally, 'deleteProject', { result: 'refused', code: 'CONFLICT' });
  count(tally, 'deleteProject', { result: 'refused', code: 'CONFLICT' });
  count(tally, 'deleteProject', { result: 'failed', code: 'INTERNAL_SERVER_ERROR' });
  expect(tally.deleteProject).toEqual({
    tried: 4,
    accepted: 1,
    refused: { CONFLICT: 2 },
    failed: 1,
  });
  expect(tallyLines(tally)[0]).toMatch(
    /^deleteProject +tried +4 +accepted +1 +refused +2 \(CONFLICT 2\) +FAILED 1$/,
  );
});

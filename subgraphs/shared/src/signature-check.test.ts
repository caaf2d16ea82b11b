import { signBody } from './gateway-signature';
import { createSignatureCheck } from './signature-check';
import { MemoryNonces } from './signature-nonces';

const SECRET = 'c'.repeat(32);
const PREVIOUS = 'p'.repeat(32);
const RULES = { maxAgeMs: 60_000, clockToleranceMs: 30_000 };
const WRITE = { query: 'mutation { reconcileCoverage(dryRun: true) { differences } }' };
const READ = { query: '{ memberStates(filter: { name: "mutation" }) { iso3 } }' };

function check(secrets = [SECRET, PREVIOUS]) {
  return createSignatureCheck({
    ...RULES,
    secrets,
    nonces: new MemoryNonces({ ttlMs: 120_000 }),
  });
}
const signedAt = (offsetMs: number) => ({ signedAt: Date.now() + offsetMs, nonce: 'n'.repeat(22) });
const codeOf = (result: unknown) => (result as { code?: string }).code ?? result;

afterEach(() => jest.useRealTimers());

test('a body without a signature, or a service without a secret, is unsigned', async () => {
  expect(await check()(WRITE, undefined)).toBe('unsigned');
  expect(await check([])(signBody(WRITE, undefined, SECRET), undefined)).toBe('unsigned');
});

test('either secret of a rotation signs; another does not', async () => {
  expect(await check()(signBody(READ, 'Bearer a', SECRET), 'Bearer a')).toBe('signed');
  expect(await check()(signBody(READ, 'Bearer a', PREVIOUS), 'Bearer a')).toBe('signed');
  const other = signBody(READ, 'Bearer a', 'o'.repeat(32));
  expect(codeOf(await check()(other, 'Bearer a'))).toBe('BAD_GATEWAY_SIGNATURE');
});

test.each([
  [-90_000, 'signed'],
  [-90_001, 'EXPIRED_GATEWAY_SIGNATURE'],
  [30_000, 'signed'],
  [30_001, 'FUTURE_GATEWAY_SIGNATURE'],
])('a signature made %p ms from now is %s', async (offset, expected) => {
  jest.useFakeTimers({ now: 1_800_000_000_000 });
  const body = signBody(READ, undefined, SECRET, signedAt(offset));
  expect(codeOf(await check()(body, undefined))).toBe(expected);
});

test('a signed write runs once; a signed read may be sent again', async () => {
  const verify = check();
  const write = signBody(WRITE, undefined, SECRET);
  expect(await verify(write, undefined)).toBe('signed');
  expect(codeOf(await verify(write, undefined))).toBe('REPLAYED_GATEWAY_SIGNATURE');
  expect(await verify(signBody(WRITE, undefined, SECRET), undefined)).toBe('signed');
  // The word in a string does not make a read a write.
  const read = signBody(READ, undefined, SECRET);
  expect(await verify(read, undefined)).toBe('signed');
  expect(await verify(read, undefined)).toBe('signed');
});

test('a signed write without a nonce is refused; a signed read needs none', async () => {
  const stamp = { signedAt: Date.now() };
  const write = signBody(WRITE, undefined, SECRET, stamp);
  expect(write.extensions).not.toHaveProperty('hmac-nonce');
  expect(codeOf(await check()(write, undefined))).toBe('BAD_GATEWAY_SIGNATURE');
  expect(await check()(signBody(READ, undefined, SECRET, stamp), undefined)).toBe('signed');
});

test('a write is a write however its document is laid out', async () => {
  const verify = check();
  const write = signBody(
    { query: 'query Q { memberStates { iso3 } }\n# a comment\nmutation M { x }' },
    undefined,
    SECRET,
  );
  expect(await verify(write, undefined)).toBe('signed');
  expect(codeOf(await verify(write, undefined))).toBe('REPLAYED_GATEWAY_SIGNATURE');
});

describe('one replica’s nonces', () => {
  test('are kept for their time to live, then forgotten', async () => {
    jest.useFakeTimers({ now: 1_800_000_000_000 });
    const nonces = new MemoryNonces({ ttlMs: 1000 });
    expect(await nonces.claim('a')).toBe(true);
    jest.advanceTimersByTime(999);
    expect(await nonces.claim('a')).toBe(false);
    expect(await nonces.claim('b')).toBe(true);
    jest.advanceTimersByTime(1);
    expect(await nonces.claim('c')).toBe(true);
    expect(nonces.size).toBe(2);
    expect(await nonces.claim('a')).toBe(true);
  });

  test('are bounded: past the bound the oldest is dropped', async () => {
    const nonces = new MemoryNonces({ ttlMs: 60_000, maxEntries: 2 });
    for (const nonce of ['a', 'b', 'c']) expect(await nonces.claim(nonce)).toBe(true);
    expect(nonces.size).toBe(2);
    expect(await nonces.claim('c')).toBe(false);
    expect(await nonces.claim('a')).toBe(true);
  });
});

import { EntityDirectory } from './entity-directory';

/** A list that answers what `acronyms` holds now, or fails while `down`; it counts its reads. */
function source(initial: string[]) {
  const state = { acronyms: initial, down: false, reads: 0 };
  const list = async () => {
    state.reads += 1;
    if (state.down) throw new Error('membership is down');
    return state.acronyms;
  };
  return { state, list };
}

/** Lets a read that runs in the background finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-01T00:00:00Z') }));
afterEach(() => jest.useRealTimers());

test('knows the listed acronyms, exactly, reading the list once', async () => {
  const { state, list } = source(['UNODC', 'CTED']);
  const directory = new EntityDirectory(list);
  expect(await directory.has('UNODC')).toBe(true);
  expect(await directory.has('CTED')).toBe(true);
  expect(state.reads).toBe(1);
  expect(await directory.has('unodc')).toBe(false);
});

test('an unknown acronym reads the list again, at most every 5 s however often it is asked', async () => {
  const { state, list } = source(['UNODC']);
  const directory = new EntityDirectory(list);
  await directory.has('UNODC');
  jest.advanceTimersByTime(6_000);
  state.acronyms = ['UNODC', 'NEW'];
  expect(await directory.has('NEW')).toBe(true);
  const reads = state.reads;
  for (let i = 0; i < 20; i++) expect(await directory.has('NOT-AN-ENTITY')).toBe(false);
  expect(state.reads).toBe(reads);
  jest.advanceTimersByTime(6_000);
  expect(await directory.has('NOT-AN-ENTITY')).toBe(false);
  expect(state.reads).toBe(reads + 1);
});

test('after a minute the list is read again in the background; a failure keeps the last one', async () => {
  const { state, list } = source(['UNODC']);
  const directory = new EntityDirectory(list);
  await directory.has('UNODC');
  state.down = true;
  jest.advanceTimersByTime(61_000);
  expect(await directory.has('UNODC')).toBe(true);
  await settle();
  expect(state.reads).toBe(2);
  expect(await directory.has('UNODC')).toBe(true);
  state.down = false;
  state.acronyms = ['CTED'];
  jest.advanceTimersByTime(61_000);
  expect(await directory.has('UNODC')).toBe(true);
  await settle();
  expect(state.reads).toBe(3);
  expect(await directory.has('CTED')).toBe(true);
  expect(await directory.has('UNODC')).toBe(false);
});

test('with no list ever read, a lookup fails as retryable instead of guessing', async () => {
  const { state, list } = source(['UNODC']);
  state.down = true;
  const directory = new EntityDirectory(list);
  await expect(directory.has('UNODC')).rejects.toMatchObject({
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true },
  });
  state.down = false;
  jest.advanceTimersByTime(1_500);
  expect(await directory.has('UNODC')).toBe(true);
});

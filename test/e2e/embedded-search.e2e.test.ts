import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../../subgraphs/shared/src/embedded-postgres';
import { migrateAndSeed } from '../helpers/database';
import { startTestGraph, type TestGraph } from '../helpers/graph';
import { as } from '../helpers/tokens';

/**
 * The overview on the embedded database (PGlite, what `npm start` runs on with no DATABASE_URL)
 * answers exactly as on the PostgreSQL server: its migrations make the same full-text columns
 * and indexes, and `websearch_to_tsquery`, `ts_rank` and the summaries agree.
 */
let embedded: EmbeddedPostgres;
let onEmbedded: TestGraph;
let onServer: TestGraph;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres();
  await migrateAndSeed(embedded.url);
  [onEmbedded, onServer] = await Promise.all([
    startTestGraph({ databaseUrl: embedded.url }),
    startTestGraph(),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([onEmbedded?.stop(), onServer?.stop()]);
  await embedded?.stop();
});

const OPERATIONS: [string, string, Record<string, unknown>][] = [
  [
    'recommendations searched as a person types',
    `query ($search: String) { recommendations(first: 100, filter: { search: $search }) {
      totalCount edges { node { id } } } }`,
    { search: 'border -maritime or "financing of terrorism"' },
  ],
  [
    'projects searched, best match first',
    `query ($search: String) { projects(first: 50, filter: { search: $search, region: [AFRICA, ASIA] }) {
      totalCount edges { cursor node { code } } } }`,
    { search: 'border or training' },
  ],
  [
    'needs nobody covers in a region',
    `{ unaddressedRecommendations(first: 100, filter: { region: [AFRICA] }) { totalCount edges { cursor node { id } } } }`,
    {},
  ],
  [
    'coverage and funding summaries',
    `{ coverageSummary(groupBy: REGION) { key recommendations addressed }
       fundingSummary(groupBy: THEMATIC_AREA) { key label projects budget { amount } funded { amount } gap { amount } } }`,
    {},
  ],
];

test.each(OPERATIONS)('%s: the same answer on both databases', async (_name, query, variables) => {
  const headers = await as(['cted'], 'CTED');
  const [embeddedAnswer, serverAnswer] = await Promise.all([
    onEmbedded.query(query, variables, { headers }),
    onServer.query(query, variables, { headers }),
  ]);
  expect(serverAnswer.errors).toBeUndefined();
  expect(JSON.stringify(serverAnswer.data)).toMatch(/"(id|code|key)"/);
  expect(embeddedAnswer).toEqual(serverAnswer);
});

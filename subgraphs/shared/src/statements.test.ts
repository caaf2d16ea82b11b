import { MAINTENANCE, StatementCounter } from './statements';

test("statements a subgraph sends on its own are not counted as requests' statements", () => {
  const counter = new StatementCounter();
  counter.logQuery('SELECT 1');
  counter.logQuery(`${MAINTENANCE} DELETE FROM membership.idempotency_key`);
  counter.logQuery('SELECT 2 /* maintenance */');
  expect(counter.count).toBe(2);
});

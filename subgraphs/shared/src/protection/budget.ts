import { GraphQLError } from 'graphql';
import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import { currentRequest } from '../observability/request-scope';

/** The request ran past its time budget; its answer is this error. */
export class BudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`request exceeded its budget of ${budgetMs} ms`);
  }

  /** The answer: a GraphQL error with HTTP 200, so the gateway neither retries nor opens a circuit. */
  get body() {
    return {
      errors: [
        {
          message: `The request took longer than this service allows (${this.budgetMs} ms) and was stopped; nothing it would have written was kept. Ask for less (fewer fields, smaller pages) or try again later.`,
          extensions: { code: 'REQUEST_TIMEOUT', budgetMs: this.budgetMs },
        },
      ],
    };
  }
}

/**
 * Runs one request's work within `budgetMs` (0: no budget): past it, the request's scope is marked
 * so that its next SQL statement is refused (see `refuseStatementsPastBudget`), and this rejects
 * with BudgetExceeded while the work stops at its next statement.
 */
export async function withinBudget<T>(budgetMs: number, work: () => Promise<T>): Promise<T> {
  if (budgetMs <= 0) return work();
  const scope = currentRequest();
  if (scope) scope.deadline = performance.now() + budgetMs;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BudgetExceeded(budgetMs)), budgetMs);
  });
  try {
    return await Promise.race([work(), expired]);
  } finally {
    clearTimeout(timer);
  }
}

// Ending a transaction is always allowed: refusing it would leave the connection inside one.
const ENDS_A_TRANSACTION = /^\s*(ROLLBACK|RELEASE|COMMIT)\b/i;

function pastBudget(): GraphQLError {
  return new GraphQLError('The request ran out of time before this step.', {
    extensions: { code: 'REQUEST_TIMEOUT' },
  });
}

/**
 * A TypeORM subscriber that refuses every SQL statement a request sends after its budget: the
 * hard stop behind the timer, so that a request that has been answered stops working too. It
 * must be the first subscriber, so that no other sees a statement that is not sent.
 */
export function refuseStatementsPastBudget(db: DataSource): () => void {
  const guard: EntitySubscriberInterface = {
    beforeQuery(event) {
      const deadline = currentRequest()?.deadline;
      if (deadline === undefined || performance.now() <= deadline) return;
      if (ENDS_A_TRANSACTION.test(event.query)) return;
      throw pastBudget();
    },
  };
  db.subscribers.unshift(guard);
  return () => {
    const index = db.subscribers.indexOf(guard);
    if (index >= 0) db.subscribers.splice(index, 1);
  };
}

import { useEffect, useState } from 'preact/hooks';
import { graphql, RequestFailed, type Answer } from './api';

export interface QueryState<T> {
  /** The latest answer; while a new one loads, the one before it stays on screen. */
  answer?: Answer<T>;
  failure?: RequestFailed;
  loading: boolean;
}

/** Runs one operation whenever its variables or the caller's token change. */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ loading: true });
  const key = JSON.stringify([query, variables, token ?? null]);
  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ answer: previous.answer, loading: true }));
    graphql<T>(query, variables, token, controller.signal).then(
      (answer) => setState({ answer, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof RequestFailed
            ? error
            : new RequestFailed('network', 'Something went wrong while loading; try again.');
        setState({ failure, loading: false });
      },
    );
    return () => controller.abort();
    // The key holds every input.
  }, [key]);
  return state;
}

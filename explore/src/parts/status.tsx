import type { ComponentChildren } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import { RefusalContext } from '../refusal';
import type { QueryState } from '../hooks';
import { missingParts } from '../shape';

/** What every view shows around its content: loading, a failure in words, missing parts. */
export function Loaded<T>(props: {
  state: QueryState<T>;
  what: string;
  children: (data: T) => ComponentChildren;
}) {
  const { answer, failure, loading } = props.state;
  const reportRefusal = useContext(RefusalContext);
  useEffect(() => {
    if (failure?.kind === 'token') reportRefusal(failure.message);
  }, [failure, reportRefusal]);
  if (failure) {
    return (
      <div class="failure" role="alert">
        <h2>
          {failure.kind === 'token'
            ? 'Your token was refused'
            : `The ${props.what} could not be loaded`}
        </h2>
        <p>{failure.message}</p>
        {failure.kind === 'token' ? (
          <p>Sign out to see what anyone may see, or sign in with another token.</p>
        ) : null}
      </div>
    );
  }
  if (!answer) {
    return (
      <p class="loading" role="status">
        Loading the {props.what}…
      </p>
    );
  }
  const notes = missingParts(answer.errors);
  markFirstData();
  return (
    <div aria-busy={loading ? 'true' : 'false'}>
      {loading ? (
        <p class="updating" role="status">
          Updating…
        </p>
      ) : null}
      {notes.length ? (
        <div class="partial" role="status">
          <strong>Part of this page is missing.</strong>
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {props.children(answer.data)}
    </div>
  );
}

/** User Timing mark for the first figures on screen, which `npm run bench:explore` reads. */
function markFirstData() {
  if (performance.getEntriesByName(FIRST_DATA).length === 0) {
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(FIRST_DATA).length === 0) performance.mark(FIRST_DATA);
    });
  }
}
const FIRST_DATA = 'explore:first-data';

/** In place of a section whose data the answer lacks. */
export function Unavailable(props: { what: string }) {
  return <p class="unavailable">The {props.what} are not available right now.</p>;
}

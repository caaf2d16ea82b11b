import { useState } from 'preact/hooks';
import { readClaims } from '../shape';

/** Anonymous by default; a token pasted here is sent with every request, until sign-out. */
export function SignIn(props: {
  token?: string;
  refused?: string;
  onToken: (token: string | undefined) => void;
}) {
  const [draft, setDraft] = useState('');
  if (props.token) {
    const claims = readClaims(props.token);
    const who = [claims?.sub, claims?.entity, claims?.roles?.join(', ')]
      .filter(Boolean)
      .join(' · ');
    return (
      <div class="sign-in" aria-label="Who is looking" role="region">
        <span>
          {props.refused ? (
            <strong class="refused" role="alert">
              Token refused: {props.refused}
            </strong>
          ) : (
            <>Signed in{who ? `: ${who}` : ''}</>
          )}
        </span>
        <button type="button" onClick={() => props.onToken(undefined)}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <form
      class="sign-in"
      aria-label="Sign in"
      onSubmit={(event) => {
        event.preventDefault();
        const token = draft.trim().replace(/^Bearer\s+/i, '');
        if (token) props.onToken(token);
        setDraft('');
      }}
    >
      <span class="anonymous">Anonymous: public figures only.</span>
      <label for="token">Token</label>
      <input
        id="token"
        type="password"
        autocomplete="off"
        spellcheck={false}
        placeholder="paste a token"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
      />
      <button type="submit">Sign in</button>
    </form>
  );
}

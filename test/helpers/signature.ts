import { signBody, type SignatureStamp } from '../../subgraphs/shared/src/gateway-signature';

/**
 * A request body signed as the gateway signs it, with the run's GATEWAY_SIGNING_SECRET: now, with
 * a new nonce, unless `stamp` says when and with which.
 */
export function signedBody(
  body: { query: string; variables?: Record<string, unknown> },
  authorization?: string,
  secret = process.env.GATEWAY_SIGNING_SECRET!,
  stamp?: SignatureStamp,
) {
  return signBody(body, authorization, secret, stamp);
}

/** POSTs a body as it is, signed or not, and returns the status and the parsed answer. */
export async function postBody(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  body: Record<string, unknown> & { data?: unknown; errors?: unknown[] };
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as never };
}

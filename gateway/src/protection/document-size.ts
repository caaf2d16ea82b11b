import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { checkDocumentSize } from '../../../subgraphs/shared/src/protection/limits';

/**
 * Refuses a document over `maxBytes` (MAX_DOCUMENT_BYTES) however it arrives — POST, GET, each
 * batch item, an automatic persisted query's registration — before it is parsed, cached or
 * registered: 413 `DOCUMENT_TOO_LARGE`. Comments and whitespace count; the token limit does not
 * see them.
 */
export function useDocumentSizeLimit(maxBytes: number): GatewayPlugin {
  return {
    onParams({ params }) {
      if (typeof params.query === 'string') checkDocumentSize(params.query, maxBytes);
    },
  };
}

import { parseArgs } from 'node:util';
import { signBody } from '../subgraphs/shared/src/gateway-signature';
import { existingSecret } from './lib/local-secret';

const USAGE = `Compares assessments' copy of what projects address with funding's links, and repairs it
(docs/design.md). A client of a running funding subgraph, as the scheduled runs are.

  npm run reconcile
  npm run reconcile -- --dry-run
  npm run reconcile -- --url http://funding.internal:4003/graphql --json

  --url      funding's GraphQL endpoint (default: SUBGRAPH_FUNDING_URL, else
             http://localhost:4003/graphql, where npm start serves it)
  --dry-run  report what differs, repair nothing
  --json     print the report as JSON

The call is signed with GATEWAY_SIGNING_SECRET (or the secret npm start keeps in .data/), or,
with COMPACT_TOKEN set, sent with that token, which must carry the admin role.
Exit status: 0 when the copy agrees, 1 when something was repaired (or would be, with
--dry-run), 2 when it could not run.`;

const RECONCILE = `mutation ($dryRun: Boolean) {
  reconcileCoverage(dryRun: $dryRun) {
    buckets differingBuckets differences inDelivery milliseconds
    repairs { recommendationId addressed reason }
    wouldRepair { recommendationId addressed reason }
  }
}`;

interface Report {
  buckets: number;
  differingBuckets: string[];
  differences: number;
  inDelivery: number;
  milliseconds: number;
  repairs: { recommendationId: string; reason: string }[];
  wouldRepair: { recommendationId: string; reason: string }[];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const url = values.url ?? process.env.SUBGRAPH_FUNDING_URL ?? 'http://localhost:4003/graphql';
  const request = { query: RECONCILE, variables: { dryRun: values['dry-run'] } };
  const token = process.env.COMPACT_TOKEN;
  const secret = token ? undefined : existingSecret('GATEWAY_SIGNING_SECRET');
  if (!token && !secret) {
    throw new Error(
      'Set GATEWAY_SIGNING_SECRET (the graph’s signature) or COMPACT_TOKEN (an admin’s token).',
    );
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(secret ? signBody(request, undefined, secret) : request),
    signal: AbortSignal.timeout(120_000),
  }).catch((error: unknown) => {
    throw new Error(`funding does not answer at ${url}: ${(error as Error).message}`);
  });
  const answer = (await response.json().catch(() => ({}))) as {
    data?: { reconcileCoverage?: Report } | null;
    errors?: { message: string }[];
  };
  const report = answer.data?.reconcileCoverage;
  if (!report) {
    throw new Error(
      `funding at ${url} did not reconcile: ${answer.errors?.[0]?.message ?? `HTTP ${response.status}`}`,
    );
  }
  const found = values['dry-run'] ? report.wouldRepair : report.repairs;
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(
      `${report.buckets} buckets compared in ${report.milliseconds} ms; ${report.differingBuckets.length} differed; ` +
        `${report.differences} recommendation(s) disagreed, ${report.inDelivery} of them with a change on its way.`,
    );
    for (const repair of found) {
      console.log(
        `${values['dry-run'] ? 'would repair' : 'repaired'} ${repair.recommendationId}: ${repair.reason}`,
      );
    }
    if (!found.length) console.log("assessments' copy agrees with funding's links.");
  }
  return found.length ? 1 : 0;
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.error(`\n${USAGE}`);
    process.exit(2);
  },
);

import { parseArgs } from 'node:util';
import type { Role } from '../subgraphs/shared/src/viewer';
import { readGatewayConfig } from '../gateway/src/config';
import { durationSeconds } from '../subgraphs/shared/src/settings';
import { localSecret } from './lib/local-secret';
import { signToken } from './lib/tokens';

const ROLES: Role[] = ['viewer', 'editor', 'cted', 'admin'];
const USAGE = `Prints a token for local use, signed with JWT_SECRET (or the secret npm start keeps in .data/).

  npm run token -- --entity UNODC --roles editor
  npm run token -- --roles admin --sub ops@example.org --expires 1h

  --entity   the caller's Compact entity (acronym)
  --roles    comma-separated: ${ROLES.join(', ')}
  --sub      subject (default: local-user)
  --expires  lifetime, at most JWT_MAX_AGE (default: 8h)
  --entity must name a Compact entity: tokens with another are refused.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      entity: { type: 'string' },
      roles: { type: 'string', default: 'viewer' },
      sub: { type: 'string', default: 'local-user' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const roles = values.roles
    .split(',')
    .map((role) => role.trim())
    .filter(Boolean);
  const unknown = roles.filter((role) => !ROLES.includes(role as Role));
  if (unknown.length)
    throw new Error(`Unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}.`);
  // The token must pass the gateway's own checks: its lifetime, issuer and audience.
  const { maxAge, issuer, audience } = readGatewayConfig().auth;
  const lifetime = durationSeconds(values.expires);
  if (lifetime === undefined) throw new Error(`--expires must be a duration such as 30m or 8h.`);
  if (lifetime > durationSeconds(maxAge!)!) {
    throw new Error(
      `--expires ${values.expires} is longer than JWT_MAX_AGE (${maxAge}): the graph would refuse the token.`,
    );
  }
  const token = await signToken(localSecret(), {
    subject: values.sub,
    entity: values.entity,
    roles: roles as Role[],
    expiresIn: values.expires,
    issuer,
    audience,
  });
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(`\n${USAGE}`);
  process.exit(1);
});

import { Writable } from 'node:stream';
import { Logger as HiveLogger } from '@graphql-hive/logger';
import { PinoLogWriter } from '@graphql-hive/logger/writers/pino';
import { signBody } from './gateway-signature';
import { createLogger } from './logger';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg';
const SECRET = 's'.repeat(32);

/** A debug logger as every service makes it, and the lines it writes. */
function recorded() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('test', 'debug', sink), lines };
}

test('headers keep everything but credentials and cookies, wherever they are', () => {
  const { logger, lines } = recorded();
  const headers = {
    authorization: `Bearer ${TOKEN}`,
    cookie: 'session=abc',
    'set-cookie': 'session=abc',
    'proxy-authorization': 'Basic dTpw',
    accept: 'application/json',
  };
  logger.debug({ headers }, 'fetch');
  logger.debug({ request: { headers } }, 'nested');
  logger.debug({ authorization: headers.authorization, cookie: headers.cookie }, 'bare');
  for (const line of lines) {
    expect(line).not.toMatch(/abc|dTpw|Bearer|eyJ/);
    expect(line).toContain('[Redacted]');
  }
  expect(JSON.parse(lines[0]).headers.accept).toBe('application/json');
});

test("the runtime's Headers objects, its signing debug and its request bodies show no secret", () => {
  const { logger, lines } = recorded();
  // How the gateway hands its logger to the runtime (gateway/src/server.ts).
  const runtime = new HiveLogger({ level: 'debug', writers: [new PinoLogWriter(logger)] });
  const signed = signBody({ query: '{ memberStates { iso3 } }' }, `Bearer ${TOKEN}`, SECRET);
  const signature = signed.extensions['hmac-signature'];
  runtime.debug(
    { headers: new Headers({ authorization: `Bearer ${TOKEN}`, cookie: 'session=abc' }) },
    'Request',
  );
  runtime.debug({ signature, payload: `1\nsigned-content\n{"query":"{a}"}\nhash` }, 'Produced');
  runtime.debug({ body: JSON.stringify(signed), url: 'http://membership/graphql' }, 'Request');
  logger.debug({ params: signed }, 'params');
  for (const line of lines) {
    expect(line).not.toContain(signature);
    expect(line).not.toMatch(/abc|Bearer|eyJ|signed-content/);
  }
  expect(JSON.parse(lines[2]).body).toContain('memberStates');
  expect(JSON.parse(lines[3]).params.extensions['hmac-nonce']).toBe(
    signed.extensions['hmac-nonce'],
  );
});

test('a token quoted in a message or an error is removed', () => {
  const { logger, lines } = recorded();
  logger.warn(`refused Bearer ${TOKEN} for caller`);
  logger.error({ err: new Error(`bad token ${TOKEN}`) }, 'failed');
  expect(lines.join('\n')).not.toMatch(/Bearer|eyJ/);
  expect(JSON.parse(lines[0]).msg).toBe('refused [Redacted] for caller');
});

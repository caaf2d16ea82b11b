import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequest } from './observability/request-scope';
import { SIGNATURE_EXTENSION } from './gateway-signature';

export type { Logger };

/**
 * Where a secret sits in what the services, and the gateway's runtime through them, log: request
 * and response headers (the runtime's fetch debug), the graph's signature and what it signed (the
 * runtime's signing debug), a request's extensions. A `Headers` object reaches pino as its
 * inspect text, under the key below, which holds every header.
 */
const SECRET_PATHS = [
  'authorization',
  'cookie',
  ...['', '*.'].flatMap((parent) => [
    `${parent}headers.authorization`,
    `${parent}headers["proxy-authorization"]`,
    `${parent}headers.cookie`,
    `${parent}headers["set-cookie"]`,
    `${parent}headers["Symbol(nodejs.util.inspect.custom)"]`,
    `${parent}extensions["${SIGNATURE_EXTENSION}"]`,
  ]),
  'signature',
  'payload',
];

/**
 * Secrets inside text, which paths cannot reach: a request body logged as a string carries its
 * signature, and a token may be quoted anywhere. Applied to each line as it is written.
 */
const SECRETS_IN_TEXT: [RegExp, string][] = [
  [new RegExp(`(${SIGNATURE_EXTENSION}\\\\*"\\s*:\\s*\\\\*")[^"\\\\]*`, 'g'), '$1[Redacted]'],
  [/Bearer\s+[\w.~+/-]+=*/gi, '[Redacted]'],
  [/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[Redacted]'],
];

const withoutSecrets = (line: string) =>
  SECRETS_IN_TEXT.reduce(
    (text, [pattern, replacement]) => text.replace(pattern, replacement),
    line,
  );

/**
 * JSON lines on stdout, one object per event, so a log collector can index them. `LOG_LEVEL`
 * (the service's configuration) chooses the threshold (`silent` turns logging off, as the tests
 * do). A line written while a request is served carries its `requestId`, whoever writes it
 * (resolvers, the error formatter, Apollo), without a logger being handed down. No line holds a
 * token, a cookie or a signature, at any level (docs/security.md, "Logs").
 */
export function createLogger(
  service: string,
  level = 'info',
  destination?: DestinationStream,
): Logger {
  const options = {
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: SECRET_PATHS, censor: '[Redacted]' },
    hooks: { streamWrite: withoutSecrets },
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequest } from './observability/request-scope';

export type { Logger };

/**
 * JSON lines on stdout, one object per event, so a log collector can index them. `LOG_LEVEL`
 * (the service's configuration) chooses the threshold (`silent` turns logging off, as the tests do). A line written while a
 * request is served carries its `requestId`, whoever writes it (resolvers, the error formatter,
 * Apollo), without a logger being handed down.
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
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

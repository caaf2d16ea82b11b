import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout, one object per event, so a log collector can index them. `LOG_LEVEL`
 * chooses the threshold (`silent` turns logging off, as the tests do).
 */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

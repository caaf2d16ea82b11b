/**
 * The runtime (through @whatwg-node/server) disposes itself on SIGTERM and SIGINT, which aborts
 * requests still in flight. A process that drains first and disposes after (the gateway's
 * `stop()`) removes those listeners; call it once the gateway is created.
 */
export function releaseRuntimeSignalHandlers(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    for (const listener of process.listeners(signal)) {
      if (listener.name === 'terminateHandler') process.removeListener(signal, listener);
    }
  }
}

import { createContext } from 'preact';

/** Where a view reports that the gateway refused the caller's token, for the sign-in box. */
export const RefusalContext = createContext<(message: string) => void>(() => undefined);

/** What callers without the `cted` role are told they may not do. */
export const ACTION = 'record CTED assessments';

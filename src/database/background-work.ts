import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/**
 * Runs `work` as background work (the mail worker, scheduled jobs): its statements are not
 * counted as a request's (QueryCounterLogger), so the statement counts of the N+1 tests and
 * diagnostics stay those of the requests they measure.
 */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** Whether the code running now is background work. */
export function isBackgroundWork(): boolean {
  return background.getStore() === true;
}

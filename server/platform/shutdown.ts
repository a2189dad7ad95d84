import type { FastifyInstance } from 'fastify';
import type { Logger } from './logger';

export interface ShutdownParts {
  app: FastifyInstance;
  /** Stops background jobs; resolves when a running job has finished or was abandoned. */
  stopJobs: () => Promise<void> | void;
  closeDatabase: () => Promise<void>;
  /** In-flight requests get this long; then every open connection is cut. */
  timeoutMs: number;
  logger: Logger;
}

export type ShutdownOutcome = 'clean' | 'forced';

/**
 * A bounded shutdown: stop accepting connections and jobs, let in-flight requests finish up to
 * the deadline, then cut what is left (a client sending its body slowly cannot keep a stopped
 * server alive), and close the database last, so no acknowledged write is cut mid-commit.
 * Calling it again returns the same promise: a signal sent to the whole process group arrives
 * more than once.
 */
export function createShutdown(parts: ShutdownParts): () => Promise<ShutdownOutcome> {
  let running: Promise<ShutdownOutcome> | undefined;
  return () => {
    running ??= (async () => {
      const { app, logger } = parts;
      logger.info({ timeoutMs: parts.timeoutMs }, 'shutting down: no new requests');
      let outcome: ShutdownOutcome = 'clean';
      const deadline = setTimeout(() => {
        outcome = 'forced';
        logger.warn('shutdown deadline reached: closing remaining connections');
        app.server.closeAllConnections();
      }, parts.timeoutMs);
      try {
        await parts.stopJobs();
        await app.close();
      } finally {
        clearTimeout(deadline);
      }
      await parts.closeDatabase();
      logger.info({ outcome }, 'stopped');
      return outcome;
    })();
    return running;
  };
}

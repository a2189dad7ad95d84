import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { createLogger } from './logger';
import { createShutdown } from './shutdown';

/**
 * SIGTERM with a slow client connected: a client that sends its request a byte at a time kept a
 * stopped server alive (60 s). The shutdown must finish by its deadline, cut that client, and
 * close the database only after the HTTP side is down.
 */
describe('bounded shutdown', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.handle.close().catch(() => undefined);
  });

  it('cuts a client sending its request slowly once the deadline passes', async () => {
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const socket = net.connect(address.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    // The request line and headers arrive a byte at a time: the server cannot answer it yet.
    socket.write('POST /api/auth/login HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => socket.write('X'), 50);
    const order: string[] = [];
    const shutdown = createShutdown({
      app: t.app,
      stopJobs: () => void order.push('jobs'),
      closeDatabase: async () => {
        order.push('database');
        await t.handle.close();
      },
      timeoutMs: 300,
      logger: createLogger('silent'),
    });
    const outcome = await shutdown();
    clearInterval(drip);
    await closed;
    expect(outcome).toBe('forced');
    expect(order).toEqual(['jobs', 'database']);
    // A second signal returns the same shutdown, it does not start another.
    await expect(shutdown()).resolves.toBe('forced');
  });
});

describe('shutdown without stragglers', () => {
  it('finishes cleanly and refuses new connections', async () => {
    const t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const res = await fetch(`http://127.0.0.1:${address.port}/api/health`);
    expect(res.status).toBe(200);
    const outcome = await createShutdown({
      app: t.app,
      stopJobs: () => undefined,
      closeDatabase: () => t.handle.close(),
      timeoutMs: 5_000,
      logger: createLogger('silent'),
    })();
    expect(outcome).toBe('clean');
    await expect(fetch(`http://127.0.0.1:${address.port}/api/health`)).rejects.toThrow();
  });
});

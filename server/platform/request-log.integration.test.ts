import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { createLogger, loggableUrl } from './logger';

/**
 * What reaches the server log at the default level after the searches a clerk makes for a caller:
 * by phone, by name and phone, in the knowledge base with the caller's own words, and a path that
 * carries a phone. None of the personal data may appear (issue: request URLs were logged whole).
 */
describe('server log holds no personal data', () => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    t = await createTestApp({ logger: createLogger('info', sink), env: { CIVICLINE_ACCESS_LOG: '1' } });
  });
  afterAll(async () => t.close());

  it('after searches by phone, name and caller words', async () => {
    const h = await t.as('agent');
    const gets = [
      '/api/tickets?phone=13812345678',
      `/api/tickets?q=${encodeURIComponent('王小明 13812345678')}`,
      `/api/kb/search?q=${encodeURIComponent('我叫赵大勇，住东湖路18号，电话13900001111，暖气不热')}`,
      `/api/kb/suggest?q=${encodeURIComponent('赵大勇反映公司拖欠工资')}`,
      '/api/tickets/13812345678',
      `/api/public/kb/search?q=${encodeURIComponent('身份证110101199003071234 办理社保')}`,
    ];
    for (const url of gets) await t.app.inject({ method: 'GET', url, headers: h });
    // A failed sign-in carries a password in its body.
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent', password: 'S3cret-王小明' },
    });
    const log = lines.join('');
    expect(log).toContain('request completed'); // the access log is on: the check below means something
    expect(log).toContain('/api/kb/search');
    for (const secret of [
      '13812345678',
      '13900001111',
      '王小明',
      '赵大勇',
      '东湖路',
      '暖气',
      '拖欠',
      '110101199003071234',
      'S3cret',
    ]) {
      expect(log).not.toContain(secret);
      expect(log).not.toContain(encodeURIComponent(secret));
    }
  });
});

describe('loggableUrl', () => {
  it.each([
    ['/api/tickets?phone=13812345678&page=2', '/api/tickets?phone=…&page=…'],
    ['/api/tickets/42/events', '/api/tickets/42/events'],
    ['/api/tickets/13812345678', '/api/tickets/***'],
    ['/api/tickets?', '/api/tickets'],
    ['/api/x/11010119900307123X/y', '/api/x/***/y'],
    ['/api/tickets/20261207000123', '/api/tickets/20261207000123'],
  ])('%s → %s', (url, expected) => {
    expect(loggableUrl(url)).toBe(expected);
  });
});

describe('request logging level', () => {
  async function linesFor(env: Record<string, string>) {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const app = await createTestApp({ logger: createLogger('info', sink), env });
    try {
      const h = await app.as('agent');
      for (let i = 0; i < 3; i++) {
        await app.app.inject({ method: 'GET', url: '/api/tickets?page=1', headers: h });
      }
    } finally {
      await app.close();
    }
    return lines.join('');
  }

  it('without the access log, ordinary requests write nothing; slow ones are logged', async () => {
    const quiet = await linesFor({});
    expect(quiet).not.toContain('/api/tickets');
    const slow = await linesFor({ CIVICLINE_SLOW_REQUEST_MS: '1' });
    expect(slow).toContain('slow request');
    expect(slow).toContain('/api/tickets?page=…');
  });
});

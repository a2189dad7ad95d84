import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

describe('logger redaction', () => {
  it('never writes callers, phone numbers, passwords or tokens', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const log = createLogger('info', sink);
    log.info(
      {
        caller: { name: '王小明', phone: '13812345678', address: '东湖路18号' },
        body: { password: 'demo-secret', caller: { phone: '13900001111' } },
        req: { headers: { authorization: 'Bearer abc.def' } },
        token: 'tok-123',
        ticket: { id: 7 },
      },
      'created',
    );
    const out = lines.join('');
    for (const secret of [
      '王小明',
      '13812345678',
      '东湖路18号',
      'demo-secret',
      '13900001111',
      'abc.def',
      'tok-123',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('"id":7');
  });
});

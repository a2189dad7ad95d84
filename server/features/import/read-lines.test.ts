import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLines } from './read-lines';

async function collect(chunks: (Buffer | string)[]): Promise<string[]> {
  const out: string[] = [];
  for await (const l of readLines(Readable.from(chunks))) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits across chunks, keeps empty lines, drops \\r, and decodes UTF-8 split inside a character', async () => {
    const text = Buffer.from('一\r\n二\n\n三', 'utf8');
    // Split in the middle of 二 (3 bytes).
    const cut = text.indexOf(Buffer.from('二')) + 1;
    expect(await collect([text.subarray(0, cut), text.subarray(cut)])).toEqual(['一', '二', '', '三']);
    expect(await collect(['a\n'])).toEqual(['a']);
  });

  it('loses no line while the consumer awaits between lines', async () => {
    const n = 5000;
    const big = Array.from({ length: n }, (_, i) => `line ${i}`).join('\n') + '\n';
    const chunks = big.match(/[\s\S]{1,997}/g) ?? [];
    let count = 0;
    for await (const l of readLines(Readable.from(chunks.map((c) => Buffer.from(c))))) {
      if (l !== `line ${count}`) throw new Error(`got ${l} at ${count}`);
      count++;
      if (count % 500 === 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(count).toBe(n);
  });
});

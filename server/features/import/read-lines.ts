import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a byte stream (UTF-8, `\n` or `\r\n`), pulled with backpressure. Used instead of
 * readline's async iterator, which can drop lines when the consumer awaits slow work between them.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let nl = rest.indexOf('\n');
    let from = 0;
    while (nl >= 0) {
      const line = rest.slice(from, nl);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      from = nl + 1;
      nl = rest.indexOf('\n', from);
    }
    rest = rest.slice(from);
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest.endsWith('\r') ? rest.slice(0, -1) : rest;
}

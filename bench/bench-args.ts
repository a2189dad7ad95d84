import fs from 'node:fs';

/** Command-line options of the benches: `--name value` and bare `--flag`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** Figures of a bench run: printed as they come, kept for the closing table. */
export function figureLog() {
  const rows: [string, string, string][] = [];
  const note = (what: string, value: string, comment = '') => {
    rows.push([what, value, comment]);
    process.stderr.write(`${what}: ${value} ${comment}\n`);
  };
  /** The closing table of every figure noted, in Markdown, on stdout. */
  const printTable = () =>
    process.stdout.write(
      `\n| measure | result | note |\n| --- | --- | --- |\n${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}\n`,
    );
  return { rows, note, printTable };
}

export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Runs `fn` once and times it. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** Runs `fn` once cold, then `runs` times warm: the cold time, the best warm time, the first value. */
export function bestOf(runs: number) {
  return async <T>(fn: () => Promise<T>): Promise<{ cold: number; warm: number; value: T }> => {
    const first = await timed(fn);
    let warm = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) warm = Math.min(warm, (await timed(fn)).ms);
    return { cold: first.ms, warm, value: first.value };
  };
}

/** The records of a JSON-lines file (blank lines skipped). */
export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

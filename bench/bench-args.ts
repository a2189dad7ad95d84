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
  return { rows, note };
}

export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

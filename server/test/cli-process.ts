import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/civicline.mjs');

/**
 * `civicline` as an outside caller runs it: a separate process on its own embedded data
 * directory (DATABASE_URL unset, logs silent), optionally fed `stdin`.
 */
export function runCli(
  args: string[],
  dataDir: string,
  stdin?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { env, cwd: root, maxBuffer: 10 * 1024 * 1024 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

/**
 * The suites of command-line processes on their own embedded data directories: they do not touch
 * the run's database, so under DATABASE_URL they would repeat the embedded run exactly; that run
 * alone takes them. (A command line on the DATABASE_URL server is tested where it reads that
 * server, e.g. `civicline report warnings`.)
 */
export const describeEmbeddedCli = describe.skipIf(Boolean(process.env.DATABASE_URL));

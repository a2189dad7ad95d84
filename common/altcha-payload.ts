import { solveChallenge } from 'altcha-lib/v1';
import type { z } from 'zod';
import type { challengeDto } from './contracts/portal';

/**
 * Solves the portal's proof of work (SHA-256; Web Crypto in the browser) and returns the ALTCHA
 * payload a public request carries: base64 JSON of the challenge and the number found. Null when
 * no number up to the challenge's maximum solves it.
 */
export async function solvedAltcha(c: z.infer<typeof challengeDto>): Promise<string | null> {
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) return null;
  return btoa(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number: solution.number,
      salt: c.salt,
      signature: c.signature,
    }),
  );
}

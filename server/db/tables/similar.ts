/** Columns the similar-orders feature adds to the core `ticket` table. */
export interface SimilarTicketColumns {
  /** MinHash band keys of the content (server/domain/similar/shingles.ts); null: not keyed. */
  similar_keys: number[] | null;
}

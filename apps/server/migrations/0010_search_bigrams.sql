-- Every 1- and 2-character substring of each whitespace-separated word of lower(t): indexes searches shorter
-- than a trigram (a two-syllable Korean word such as 예산, a Vietnamese syllable, an abbreviation), exactly.
CREATE OR REPLACE FUNCTION text_grams(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(w, i, n)), '{}')
  FROM regexp_split_to_table(lower(t), '\s+') w, generate_series(1, length(w)) i, (VALUES (1), (2)) k(n)
$$;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (text_grams(search_text)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "documents_grams" ON "documents" USING gin ("search_grams");

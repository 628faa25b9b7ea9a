-- A larger sample of the 1-/2-grams: a rare two-character word then gets its own frequency instead of a default
-- guess of thousands of rows, which made PostgreSQL plan such searches as expensive (and JIT-compile them).
ALTER TABLE "documents" ALTER COLUMN "search_grams" SET STATISTICS 1000;

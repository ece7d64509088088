-- AlterTable
ALTER TABLE "QuoteRequest" ADD COLUMN "dealAmount" INTEGER;
ALTER TABLE "QuoteRequest" ADD COLUMN "dealCurrency" TEXT;
ALTER TABLE "QuoteRequest" ADD COLUMN "nextStep" TEXT;
ALTER TABLE "QuoteRequest" ADD COLUMN "nextStepAt" DATETIME;

-- CreateIndex
CREATE INDEX "QuoteRequest_nextStepAt_idx" ON "QuoteRequest"("nextStepAt");

-- The desk's search covers the message too: existing rows get their description appended, as lib/leads/keys.ts
-- writes it for new ones. SQLite's lower() folds ASCII letters only; the PostgreSQL history folds exactly the
-- same letters (translate), so a backfilled row matches the same searches on both databases.
UPDATE "QuoteRequest" SET "searchText" = "searchText" || ' ' || lower("description");

-- AlterTable
ALTER TABLE "QuoteRequest" ADD COLUMN     "dealAmount" INTEGER,
ADD COLUMN     "dealCurrency" TEXT,
ADD COLUMN     "nextStep" TEXT,
ADD COLUMN     "nextStepAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "QuoteRequest_nextStepAt_idx" ON "QuoteRequest"("nextStepAt");

-- The desk's search covers the message too: existing rows get their description appended, as lib/leads/keys.ts
-- writes it for new ones. Only ASCII letters are folded, exactly as SQLite's lower() does in the SQLite history,
-- so a backfilled row matches the same searches on both databases.
UPDATE "QuoteRequest"
SET "searchText" = "searchText" || ' ' || translate("description", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz');

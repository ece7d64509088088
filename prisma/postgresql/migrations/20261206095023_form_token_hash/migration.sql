-- AlterTable
ALTER TABLE "QuoteRequest" ADD COLUMN     "formTokenHash" TEXT;

-- CreateIndex
CREATE INDEX "QuoteRequest_formTokenHash_idx" ON "QuoteRequest"("formTokenHash");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuoteRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reference" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "company" TEXT,
    "phone" TEXT,
    "interest" TEXT NOT NULL,
    "interestLabel" TEXT NOT NULL,
    "budget" TEXT NOT NULL,
    "timeline" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "consentAt" DATETIME NOT NULL,
    "consentVersion" TEXT NOT NULL,
    "sourcePath" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmTerm" TEXT,
    "utmContent" TEXT,
    "ipHash" TEXT,
    "userAgent" TEXT,
    "spamScore" INTEGER NOT NULL DEFAULT 0,
    "spamReason" TEXT,
    "submissionKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_QuoteRequest" ("budget", "company", "consentAt", "consentVersion", "createdAt", "description", "email", "id", "interest", "interestLabel", "ipHash", "name", "phone", "reference", "sourcePath", "spamReason", "spamScore", "status", "timeline", "updatedAt", "userAgent", "utmCampaign", "utmContent", "utmMedium", "utmSource", "utmTerm") SELECT "budget", "company", "consentAt", "consentVersion", "createdAt", "description", "email", "id", "interest", "interestLabel", "ipHash", "name", "phone", "reference", "sourcePath", "spamReason", "spamScore", "status", "timeline", "updatedAt", "userAgent", "utmCampaign", "utmContent", "utmMedium", "utmSource", "utmTerm" FROM "QuoteRequest";
DROP TABLE "QuoteRequest";
ALTER TABLE "new_QuoteRequest" RENAME TO "QuoteRequest";
CREATE UNIQUE INDEX "QuoteRequest_reference_key" ON "QuoteRequest"("reference");
CREATE UNIQUE INDEX "QuoteRequest_submissionKey_key" ON "QuoteRequest"("submissionKey");
CREATE INDEX "QuoteRequest_ipHash_createdAt_idx" ON "QuoteRequest"("ipHash", "createdAt");
CREATE INDEX "QuoteRequest_createdAt_idx" ON "QuoteRequest"("createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

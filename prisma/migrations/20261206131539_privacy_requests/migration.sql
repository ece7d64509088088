-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "details" TEXT,
    "status" TEXT NOT NULL DEFAULT 'unconfirmed',
    "confirmTokenHash" TEXT,
    "confirmBy" DATETIME NOT NULL,
    "ipHash" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" DATETIME,
    "answeredAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyRequest_confirmTokenHash_key" ON "PrivacyRequest"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "PrivacyRequest_status_confirmBy_idx" ON "PrivacyRequest"("status", "confirmBy");

-- CreateIndex
CREATE INDEX "PrivacyRequest_emailKey_createdAt_idx" ON "PrivacyRequest"("emailKey", "createdAt");

-- CreateIndex
CREATE INDEX "PrivacyRequest_ipHash_createdAt_idx" ON "PrivacyRequest"("ipHash", "createdAt");

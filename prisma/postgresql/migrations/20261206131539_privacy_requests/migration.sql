-- CreateTable
CREATE TABLE "PrivacyRequest" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailKey" TEXT NOT NULL,
    "details" TEXT,
    "status" TEXT NOT NULL DEFAULT 'unconfirmed',
    "confirmTokenHash" TEXT,
    "confirmBy" TIMESTAMP(3) NOT NULL,
    "ipHash" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "PrivacyRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrivacyRequest_confirmTokenHash_key" ON "PrivacyRequest"("confirmTokenHash");

-- CreateIndex
CREATE INDEX "PrivacyRequest_status_confirmBy_idx" ON "PrivacyRequest"("status", "confirmBy");

-- CreateIndex
CREATE INDEX "PrivacyRequest_emailKey_createdAt_idx" ON "PrivacyRequest"("emailKey", "createdAt");

-- CreateIndex
CREATE INDEX "PrivacyRequest_ipHash_createdAt_idx" ON "PrivacyRequest"("ipHash", "createdAt");

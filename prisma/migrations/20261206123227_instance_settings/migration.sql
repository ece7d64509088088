-- CreateTable
CREATE TABLE "InstanceSettings" (
    "instance" TEXT NOT NULL PRIMARY KEY,
    "digest" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "InstanceSettings_seenAt_idx" ON "InstanceSettings"("seenAt");

-- CreateTable
CREATE TABLE "InstanceSettings" (
    "instance" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstanceSettings_pkey" PRIMARY KEY ("instance")
);

-- CreateIndex
CREATE INDEX "InstanceSettings_seenAt_idx" ON "InstanceSettings"("seenAt");

-- AlterTable
ALTER TABLE "QuoteRequest" ADD COLUMN "firstResponseAt" DATETIME;

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledRun_job_key_key" ON "ScheduledRun"("job", "key");

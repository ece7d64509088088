-- AlterTable
ALTER TABLE "QuoteRequest" ADD COLUMN     "firstResponseAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ScheduledRun" (
    "id" SERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledRun_job_key_key" ON "ScheduledRun"("job", "key");

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "inReplyTo" TEXT;

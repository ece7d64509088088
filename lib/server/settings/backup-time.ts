import { z } from "zod";

/** BACKUP_TIME: the local time after which the day's backup is made, HH:MM (24-hour, two digits each). */
export const backupTimeValue = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "must be a time of day as HH:MM, e.g. 02:00" });

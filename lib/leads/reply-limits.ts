/** The Reply form's limits: the action enforces them (lib/leads/reply.ts), the form's controls state them. */
export const REPLY_SUBJECT_MAX_LENGTH = 200;
export const REPLY_BODY_MAX_LENGTH = 10_000;

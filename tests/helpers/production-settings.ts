/** A complete production configuration (the settings `parseEnv` requires in production), for tests to build on. */
export const PRODUCTION_SETTINGS = {
  NODE_ENV: "production",
  SITE_URL: "https://www.example.com",
  FORM_SECRET: "a-production-secret-that-is-long-enough-123",
  QUOTE_TO: "owner@example.com",
  MAIL_FROM: "FS Dev <site@example.com>",
  SMTP_URL: "smtp://user:pass@smtp.example.com:587",
} as const;

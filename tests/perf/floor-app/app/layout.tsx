import type { ReactNode } from "react";

export const metadata = {
  title: "Bare Next.js page",
  description: "The framework's floor for npm run perf: one layout, one page.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}

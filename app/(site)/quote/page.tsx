import { QuoteScreen } from "./quote-screen";

export { quoteMetadata as generateMetadata } from "./quote-screen";

// Static like every other page (the build fails if anything here turns it dynamic).
export const dynamic = "error";

export default function QuotePage() {
  return <QuoteScreen />;
}

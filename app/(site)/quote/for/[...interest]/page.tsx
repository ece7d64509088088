import { quoteChoices } from "@/lib/quotes/catalog";
import { interestFromSegments, interestSegments } from "@/lib/quotes/form-context";
import { QuoteScreen } from "../../quote-screen";

/**
 * The quote form with one interest selected, prerendered for each choice. A rewrite in next.config.ts serves
 * it for `/quote?interest=<value>` (the address stays /quote), so the choice is there without JavaScript
 * too; proxy.ts redirects this path's own URLs to that address.
 */
export function generateStaticParams() {
  return quoteChoices().interests.map((choice) => ({ interest: interestSegments(choice.value) }));
}

export const dynamicParams = false;
export const dynamic = "error";

export { quoteMetadata as generateMetadata } from "../../quote-screen";

export default async function PreselectedQuotePage({ params }: PageProps<"/quote/for/[...interest]">) {
  const { interest } = await params;
  return <QuoteScreen preselect={interestFromSegments(interest)} />;
}

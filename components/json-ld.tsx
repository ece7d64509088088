import { serializeJsonLd, type JsonLdObject } from "@/lib/seo/json-ld";

/**
 * Structured data for search engines, one script per object. The JSON is escaped as the
 * Next.js guide recommends (`<` becomes \u003c), so content can never close the script early.
 */
export function JsonLd({ data }: { data: JsonLdObject | JsonLdObject[] }) {
  const items = Array.isArray(data) ? data : [data];
  return (
    <>
      {items.map((item, index) => (
        <script
          key={`${item["@type"]}-${index}`}
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: serializeJsonLd(item) }}
        />
      ))}
    </>
  );
}

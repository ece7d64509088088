import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { ServiceCard } from "@/components/cards/service-card";
import { FaqList } from "@/components/faq-list";
import { ProductCards } from "@/components/mdx/product-cards";
import { JsonLd } from "@/components/json-ld";
import { Hero } from "@/components/sections/home/hero";
import { VideoShowcase } from "@/components/sections/home/video-showcase";
import { Section } from "@/components/sections/section";
import { faqs, getHome, services, site } from "@/lib/content";
import { businessJsonLd, pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const home = getHome();
  return pageMetadata({ ...home.data, path: "/", absoluteTitle: true });
}

export default function HomePage() {
  const { data: home } = getHome();
  return (
    <PageFrame path="/">
      <JsonLd data={businessJsonLd()} />
      <Hero hero={home.hero} />

      <Section id="services" heading={home.services.heading} intro={home.services.intro}>
        <div className="grid gap-6 md:grid-cols-2">
          {services.all().map((service) => (
            <ServiceCard key={service.slug} service={service} />
          ))}
        </div>
      </Section>

      <Section id="products" heading={home.products.heading} intro={home.products.intro} tone="muted">
        <ProductCards />
      </Section>

      <Section id="different" heading={home.differentiators.heading} intro={home.differentiators.intro}>
        <ul className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
          {home.differentiators.items.map((item) => (
            <li key={item.title} className="rounded-lg border border-slate-200 p-6">
              <h3 className="text-lg font-semibold text-ink">{item.title}</h3>
              <p className="mt-2 text-slate-700">{item.text}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="team" heading={home.team.heading} intro={home.team.intro} tone="muted">
        <div className="max-w-3xl">
          <p className="text-lg text-slate-700">{home.team.text}</p>
          <a href={home.team.link.href} className="button-secondary mt-6">
            {home.team.link.label}
          </a>
        </div>
      </Section>

      <Section id="outcomes" heading={home.outcomes.heading} intro={home.outcomes.intro}>
        <p
          className="mb-6 max-w-3xl rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950"
          data-testid="outcomes-disclaimer"
        >
          {home.outcomes.disclaimer}
        </p>
        <ul className="grid gap-6 lg:grid-cols-3">
          {home.outcomes.items.map((item) => (
            <li key={item.title} className="rounded-lg border border-slate-200 p-6">
              <h3 className="text-lg font-semibold text-ink">{item.title}</h3>
              <dl className="mt-3 space-y-3 text-slate-700">
                <div>
                  <dt className="font-semibold text-ink">{site.labels.challenge}</dt>
                  <dd>{item.challenge}</dd>
                </div>
                <div>
                  <dt className="font-semibold text-ink">{site.labels.approach}</dt>
                  <dd>{item.approach}</dd>
                </div>
                <div>
                  <dt className="font-semibold text-ink">{site.labels.result}</dt>
                  <dd>{item.result}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      </Section>

      <VideoShowcase video={home.video} transcriptLabel={site.labels.transcript} />

      <Section id="faq" heading={home.faq.heading} intro={home.faq.intro}>
        <div className="max-w-3xl">
          <FaqList items={faqs.all().slice(0, home.faq.count)} headingLevel={3} />
          <a href={home.faq.link.href} className="button-secondary mt-4">
            {home.faq.link.label}
          </a>
        </div>
      </Section>
    </PageFrame>
  );
}

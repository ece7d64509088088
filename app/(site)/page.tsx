import type { Metadata } from "next";
import { PageFrame } from "@/components/layout/page-frame";
import { ArticleCard } from "@/components/cards/article-card";
import { CaseStudyCard } from "@/components/cards/case-study-card";
import { ServiceCard } from "@/components/cards/service-card";
import { Portrait } from "@/components/portrait";
import { FaqList } from "@/components/faq-list";
import { ProductCards } from "@/components/mdx/product-cards";
import { JsonLd } from "@/components/json-ld";
import { Hero } from "@/components/sections/home/hero";
import { VideoShowcase } from "@/components/sections/home/video-showcase";
import { Section } from "@/components/sections/section";
import { articles, caseStudies, faqs, getHome, services, site } from "@/lib/content";
import { businessJsonLd, pageMetadata } from "@/lib/seo";

export function generateMetadata(): Metadata {
  const home = getHome();
  return pageMetadata({ ...home.data, path: "/", absoluteTitle: true });
}

export default function HomePage() {
  const { data: home } = getHome();
  // Only real case studies reach a production build; with none, the band is left out.
  const studies = caseStudies.all();
  const latest = articles.all().slice(0, home.articles.count);
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

      {studies.length > 0 ? (
        <Section id="case-studies" heading={home.caseStudies.heading} intro={home.caseStudies.intro}>
          <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {studies.map((study) => (
              <CaseStudyCard key={study.slug} caseStudy={study} />
            ))}
          </div>
        </Section>
      ) : null}

      <Section id="products" heading={home.products.heading} intro={home.products.intro}>
        <ProductCards />
      </Section>

      <Section id="different" heading={home.differentiators.heading} intro={home.differentiators.intro}>
        {/* Cards grow to fill their row, so any number of them (3 to 6) leaves no hole in the grid. */}
        <ul className="flex flex-wrap gap-6">
          {home.differentiators.items.map((item) => (
            <li key={item.title} className="grow basis-72 rounded-lg border border-slate-200 bg-white p-6 lg:basis-80">
              <h3 className="text-lg font-semibold text-ink">{item.title}</h3>
              <p className="mt-2 text-slate-700">{item.text}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="team" heading={home.team.heading} intro={home.team.intro}>
        <div className="grid items-start gap-8 md:grid-cols-[14rem_minmax(0,1fr)] lg:gap-12">
          <Portrait image={site.owner.portrait} sizes="(min-width: 768px) 224px, 60vw" className="max-w-56" />
          <div className="max-w-3xl">
            <p className="text-lg text-slate-700">{home.team.text}</p>
            <a href={home.team.link.href} className="button-secondary mt-6">
              {home.team.link.label}
            </a>
          </div>
        </div>
      </Section>

      <VideoShowcase video={home.video} transcriptLabel={site.labels.transcript} />

      {latest.length > 0 ? (
        <Section id="articles" heading={home.articles.heading} intro={home.articles.intro}>
          <div className="grid gap-6 md:grid-cols-2 lg:grid-cols-3">
            {latest.map((article) => (
              <ArticleCard key={article.slug} article={article} headingLevel={3} />
            ))}
          </div>
          <a href={home.articles.link.href} className="button-secondary mt-8">
            {home.articles.link.label}
          </a>
        </Section>
      ) : null}

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

import { articles, products, services } from "../../lib/content";

/** Every published page route of the production build (the 404 page aside), in navigation order. */
export const publicRoutes = [
  "/",
  "/services",
  ...services.all().map((entry) => `/services/${entry.slug}`),
  "/products",
  ...products.all().map((entry) => `/products/${entry.slug}`),
  "/articles",
  ...articles.all().map((entry) => `/articles/${entry.slug}`),
  "/faq",
  "/about",
  "/privacy",
  "/quote",
];

import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";

/** 1200×630, the size Open Graph and large Twitter cards expect. */
export const ogImageSize = { width: 1200, height: 630 };
export const ogImageContentType = "image/png";

const BRAND = "#0f766e";
const BRAND_LIGHT = "#5eead4";
const INK = "#0f172a";

/**
 * Geist from the `geist` package on disk: the image is rendered at build time with no network.
 * (ImageResponse takes ttf, otf or woff, not woff2.)
 */
const FONT_DIR = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");
let fonts: Promise<{ regular: Buffer; bold: Buffer }> | undefined;
function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, "Geist-Regular.ttf")),
    readFile(path.join(FONT_DIR, "Geist-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

export type OgImageProps = {
  /** The big line: the page's title. */
  title: string;
  /** A short label above the title ("Service", "Product", "Article"). */
  eyebrow?: string;
  /** The line at the bottom (the site's tagline, an article's author and date). */
  footer: string;
  siteName: string;
};

/** The brand card every page shares: site name and mark, an optional label, the title and a footer line. */
export async function renderOgImage({ title, eyebrow, footer, siteName }: OgImageProps): Promise<ImageResponse> {
  const { regular, bold } = await loadFonts();
  const titleSize = title.length > 70 ? 56 : title.length > 40 ? 66 : 80;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: INK,
        color: "white",
        fontFamily: "Geist",
        padding: "64px 72px",
        borderTop: `16px solid ${BRAND}`,
      }}
    >
      <div style={{ display: "flex", alignItems: "center", fontSize: 36, fontWeight: 700 }}>
        <div style={{ width: 40, height: 40, borderRadius: 10, background: BRAND, marginRight: 18 }} />
        {siteName}
      </div>
      <div style={{ display: "flex", flexDirection: "column" }}>
        {eyebrow ? (
          <div
            style={{
              fontSize: 28,
              fontWeight: 700,
              color: BRAND_LIGHT,
              textTransform: "uppercase",
              letterSpacing: 2,
              marginBottom: 20,
            }}
          >
            {eyebrow}
          </div>
        ) : null}
        <div style={{ fontSize: titleSize, fontWeight: 700, lineHeight: 1.12, maxWidth: 1040 }}>{title}</div>
      </div>
      <div style={{ display: "flex", alignItems: "center", fontSize: 28, color: "#cbd5e1" }}>
        <div style={{ width: 64, height: 6, background: BRAND, marginRight: 20 }} />
        {footer}
      </div>
    </div>,
    {
      ...ogImageSize,
      fonts: [
        { name: "Geist", data: regular, weight: 400, style: "normal" },
        { name: "Geist", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}

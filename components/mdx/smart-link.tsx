import type { ComponentPropsWithoutRef } from "react";

/** Links in content: site-internal ones and anchors are plain links; others get safe rel values. */
export function SmartLink({ href = "", children, ...rest }: ComponentPropsWithoutRef<"a">) {
  const internal = (href.startsWith("/") && !href.startsWith("//")) || href.startsWith("#");
  return (
    <a href={href} rel={internal ? undefined : "noopener noreferrer"} {...rest}>
      {children}
    </a>
  );
}

import type { ReactNode } from "react";

type IconProps = { className?: string };

// lucide-react dropped brand marks, so the two platforms' glyphs are drawn here, on lucide's
// 24px grid and stroke so they sit beside its icons.
function BrandIcon({ className = "size-5", children }: IconProps & { children: ReactNode }) {
  return (
    <svg
      className={className}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

export function InstagramIcon(props: IconProps) {
  return (
    <BrandIcon {...props}>
      <rect x="3" y="3" width="18" height="18" rx="5" />
      <circle cx="12" cy="12" r="4" />
      <path d="M17.5 6.5h.01" />
    </BrandIcon>
  );
}

export function FacebookIcon(props: IconProps) {
  return (
    <BrandIcon {...props}>
      <path d="M18 2h-3a5 5 0 0 0-5 5v3H7v4h3v8h4v-8h3l1-4h-4V7a1 1 0 0 1 1-1h3z" />
    </BrandIcon>
  );
}

export function BlueskyIcon(props: IconProps) {
  return (
    <BrandIcon {...props}>
      <path d="M12 11C10.5 8 7 4.5 4.5 4.5 3 4.5 2.5 5.5 2.5 7c0 2 1 4.5 4 5-3 .5-3.8 2.5-2 4.3 2.6 2.6 5.2-.5 7.5-4.3 2.3 3.8 4.9 6.9 7.5 4.3 1.8-1.8 1-3.8-2-4.3 3-.5 4-3 4-5 0-1.5-.5-2.5-2-2.5C17 4.5 13.5 8 12 11z" />
    </BrandIcon>
  );
}

import { ComingSoon } from "@/components/ui/coming-soon.tsx";

export function LeadsRoute() {
  return (
    <ComingSoon
      title="Leads"
      description="Track every recruit you talk to, with notes and stages shared across your team."
    />
  );
}

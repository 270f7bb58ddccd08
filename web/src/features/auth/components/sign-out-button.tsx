import { LogOut } from "lucide-react";
import { Spinner } from "@/components/ui/spinner.tsx";
import { useSignOut } from "@/features/auth/api/sign-out.ts";

// No navigation here: the SIGNED_OUT event clears the session and ProtectedRoute takes the
// user to the sign-in screen.
export function SignOutButton() {
  const signOut = useSignOut();
  const label = signOut.error ? `Sign out failed: ${signOut.error.message}` : "Sign out";

  return (
    <button
      type="button"
      aria-label="Sign out"
      title={label}
      disabled={signOut.isPending}
      onClick={() => signOut.mutate()}
      className={`flex size-8 items-center md:size-10 justify-center rounded-lg transition-colors hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-indigo-400 disabled:opacity-60 ${
        signOut.error ? "text-red-400" : "text-neutral-400"
      }`}
    >
      {signOut.isPending ? <Spinner /> : <LogOut className="size-5" aria-hidden="true" />}
    </button>
  );
}

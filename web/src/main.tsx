import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./index.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html is missing the #root element");

// Imported dynamically so a bad environment (config/env.ts throws at import time) is shown on
// the page instead of leaving a blank screen with the reason only in the console.
import("./app/app.tsx")
  .then(({ App }) => {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    console.error(error);
    const pre = document.createElement("pre");
    pre.className =
      "m-8 whitespace-pre-wrap rounded-md bg-red-50 dark:bg-red-950/60 p-4 text-sm text-red-800 dark:text-red-300";
    pre.textContent = error instanceof Error ? error.message : String(error);
    container.replaceChildren(pre);
  });

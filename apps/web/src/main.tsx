import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
import { i18nReady } from "./i18n/setup";

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

void i18nReady.then(() =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);

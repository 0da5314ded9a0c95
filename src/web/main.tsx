import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n";
import "antd/dist/antd.css";
import "./style.css";
import { App } from "./app";
import { installCsrfHeader } from "./csrf";

installCsrfHeader();

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

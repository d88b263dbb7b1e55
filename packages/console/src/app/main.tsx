import { render } from "preact";
import { ConsoleApp } from "./console-app.tsx";

const root = document.getElementById("app");
if (root !== null) {
  root.replaceChildren();
  render(<ConsoleApp />, root);
}

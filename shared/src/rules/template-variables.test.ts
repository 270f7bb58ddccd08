import assert from "node:assert/strict";
import { test } from "node:test";
import { splitDisplayName } from "./person-name.ts";
import { renderTemplate, unknownVariables, variablesIn } from "./template-variables.ts";

test("finds the variables a template uses, spaces inside the braces allowed", () => {
  assert.deepEqual(variablesIn("Hi {{ first_name }}, I'm {{recruiter_name}}. {{first_name}}!"), [
    "first_name",
    "recruiter_name",
  ]);
});

test("names the unknown ones", () => {
  assert.deepEqual(unknownVariables("Hi {{firstname}} {{username}} {{}}"), ["firstname", ""]);
});

test("renders with fallbacks and refuses unknown variables", () => {
  assert.equal(
    renderTemplate("Hi {{first_name}} {{last_name}}", { first_name: "Ana", last_name: "Lima" }),
    "Hi Ana Lima",
  );
  assert.equal(renderTemplate("Hi {{first_name}}", { username: "ana.l" }), "Hi ana.l");
  assert.equal(renderTemplate("Hi {{first_name}}", {}), "Hi there");
  assert.throws(() => renderTemplate("Hi {{name}}", {}), /name/);
});

test("splits a display name into first and last", () => {
  assert.deepEqual(splitDisplayName("Maria José Gonzalez"), {
    first_name: "Maria",
    last_name: "José Gonzalez",
  });
  assert.deepEqual(splitDisplayName("  Cher "), { first_name: "Cher", last_name: null });
  assert.deepEqual(splitDisplayName(null), { first_name: null, last_name: null });
});

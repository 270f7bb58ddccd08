import assert from "node:assert/strict";
import { messageAnalysisSchema } from "../../../../../shared/src/contracts/message-analysis.ts";
import { analyzeOffline } from "./offline-provider.ts";

// a Thursday, 10:00 in New York
const at = new Date("2026-12-03T15:00:00Z");
const analyse = (text: string) => analyzeOffline(text, { at, timeZone: "America/New_York" });
const entities = (text: string) => analyse(text).entities;

Deno.test("a candidate's details: email, phone in E.164, state, years, licence, availability", () => {
  const result = analyse(
    "Hey! I'm licensed in TX, 5 yrs experience. Call me tomorrow at 3pm at (512) 555-0199 or email John.Doe@Gmail.com 😀",
  );
  assert.equal(messageAnalysisSchema.safeParse(result).success, true);
  assert.deepEqual(result.entities, {
    email: "john.doe@gmail.com",
    phone: "+15125550199",
    us_state: "TX",
    years_experience: 5,
    licensed: true,
    availability: { text: "tomorrow at 3pm", at: "2026-12-04T20:00:00.000Z", has_time: true },
    order: null,
  });
  assert.equal(result.category, "candidate");
  assert.ok(result.sentiment > 0);
});

Deno.test("availability is resolved against the message's time, not the clock", () => {
  const monday = analyzeOffline("can we talk tomorrow at 9am?", {
    at: new Date("2026-01-05T14:00:00Z"),
    timeZone: "America/Chicago",
  });
  assert.equal(monday.entities.availability?.at, "2026-01-06T15:00:00.000Z");
  assert.equal(entities("el lunes a las 10")?.availability?.at, "2026-12-07T15:00:00.000Z");
  // an hour without am/pm is an afternoon: nobody offers a call at 5 in the morning
  assert.equal(entities("call me at 5")?.availability?.at, "2026-12-03T22:00:00.000Z");
  assert.equal(entities("I've been selling since 2019").availability, null);
  assert.equal(entities("I want 2 hoodies").availability, null);
});

Deno.test("phone numbers: US without a country code, international kept, non-numbers ignored", () => {
  assert.equal(entities("text me 2145550176").phone, "+12145550176");
  assert.equal(entities("call 1-971-555-0148").phone, "+19715550148");
  assert.equal(entities("WhatsApp +52 55 1234 5678").phone, "+525512345678");
  assert.equal(entities("I made $45,000 last year in zip 77002").phone, null);
  assert.equal(entities("how did you get my number 555-0100??").phone, null);
});

Deno.test("email: plain, trailing punctuation, spelled out; never an invented one", () => {
  assert.equal(
    entities("email me at dre.hughes@protonmail.com.").email,
    "dre.hughes@protonmail.com",
  );
  assert.equal(entities("maria.g at gmail dot com").email, "maria.g@gmail.com");
  assert.equal(entities("meet me at noon dot").email, null);
});

Deno.test("US state: names in English and Spanish, capital codes, ambiguous codes only after a place word", () => {
  assert.equal(entities("I live in Florida").us_state, "FL");
  assert.equal(entities("soy de Tejas").us_state, "TX");
  assert.equal(entities("Dallas, TX").us_state, "TX");
  assert.equal(entities("licensed in tx and fl").us_state, "TX");
  assert.equal(entities("OK sounds good").us_state, null);
  assert.equal(entities("licensed in OK").us_state, "OK");
  assert.equal(entities("I'm in West Virginia").us_state, "WV");
  assert.equal(entities("I am in").us_state, null);
});

Deno.test("licence: claims, denials, and questions that say nothing", () => {
  assert.equal(entities("I have my life and health license").licensed, true);
  assert.equal(entities("Ya tengo licencia").licensed, true);
  assert.equal(entities("I'm not licensed yet").licensed, false);
  assert.equal(entities("no tengo licencia").licensed, false);
  assert.equal(entities("Do I need to be licensed?").licensed, null);
  assert.equal(entities("I'm licensed in GA. Do I need other states?").licensed, true);
});

Deno.test("years of experience: of work, not of age; none is zero", () => {
  assert.equal(entities("been selling insurance for 3 years").years_experience, 3);
  assert.equal(entities("tengo 2 años de experiencia").years_experience, 2);
  assert.equal(entities("I'm 24 years old").years_experience, null);
  assert.equal(entities("I have no experience but I'm motivated").years_experience, 0);
});

Deno.test("an order: product, size, colour and quantity, in English and Spanish", () => {
  const order = analyse("I want 2 black hoodies size L please");
  assert.equal(order.intent, "order");
  assert.equal(order.category, "customer_order");
  assert.deepEqual(order.entities.order, {
    product: "hoodie",
    size: "L",
    colour: "black",
    quantity: 2,
  });
  assert.deepEqual(entities("Quiero 2 sudaderas negras talla M").order, {
    product: "hoodie",
    size: "M",
    colour: "black",
    quantity: 2,
  });
  assert.equal(entities("I'm interested, I'm in TX").order, null);
});

Deno.test("intents and categories of plain messages", () => {
  assert.equal(analyse("how much does it pay?").intent, "compensation_question");
  assert.equal(analyse("No me interesa").intent, "not_interested");
  assert.equal(analyse("Get 1000 followers for $5!! click the link").category, "spam");
  assert.equal(analyse("my order never arrived, can I get a refund?").category, "support");
  assert.ok(analyse("this is a scam, stop messaging me 😡").sentiment < 0);
});

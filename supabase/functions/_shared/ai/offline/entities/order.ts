import type { OrderEntity } from "../../../../../../shared/src/contracts/message-analysis.ts";
import { NUMBER_WORD_PATTERN, parseCount } from "../normalize.ts";

/** Colour words, English and Spanish, to the English name the shop's catalogue uses. */
const COLOURS: Record<string, string> = {
  black: "black",
  white: "white",
  red: "red",
  blue: "blue",
  navy: "navy",
  green: "green",
  olive: "olive",
  grey: "grey",
  gray: "grey",
  pink: "pink",
  purple: "purple",
  yellow: "yellow",
  orange: "orange",
  brown: "brown",
  beige: "beige",
  cream: "cream",
  tan: "tan",
  maroon: "maroon",
  burgundy: "burgundy",
  teal: "teal",
  gold: "gold",
  silver: "silver",
  lavender: "lavender",
  negro: "black",
  negra: "black",
  negros: "black",
  negras: "black",
  blanco: "white",
  blanca: "white",
  blancos: "white",
  blancas: "white",
  rojo: "red",
  roja: "red",
  rojos: "red",
  rojas: "red",
  azul: "blue",
  azules: "blue",
  verde: "green",
  verdes: "green",
  gris: "grey",
  rosa: "pink",
  rosado: "pink",
  rosada: "pink",
  morado: "purple",
  morada: "purple",
  amarillo: "yellow",
  amarilla: "yellow",
  naranja: "orange",
  cafe: "brown",
  marron: "brown",
};

/** Products a small shop sells over DMs, singular, English and Spanish, to one name. */
const PRODUCTS: Record<string, string> = {
  hoodie: "hoodie",
  hoody: "hoodie",
  sweatshirt: "sweatshirt",
  crewneck: "crewneck",
  "t-shirt": "t-shirt",
  tshirt: "t-shirt",
  shirt: "shirt",
  tee: "tee",
  tank: "tank top",
  jacket: "jacket",
  hat: "hat",
  cap: "cap",
  beanie: "beanie",
  mug: "mug",
  cup: "cup",
  tumbler: "tumbler",
  bottle: "bottle",
  sticker: "sticker",
  poster: "poster",
  tote: "tote bag",
  bag: "bag",
  candle: "candle",
  planner: "planner",
  journal: "journal",
  jogger: "joggers",
  joggers: "joggers",
  sweatpants: "sweatpants",
  shorts: "shorts",
  leggings: "leggings",
  socks: "socks",
  sock: "socks",
  paint: "paint",
  sudadera: "hoodie",
  camiseta: "t-shirt",
  playera: "t-shirt",
  camisa: "shirt",
  gorra: "cap",
  taza: "mug",
  chaqueta: "jacket",
  chamarra: "jacket",
  botella: "bottle",
  calcetines: "socks",
  pintura: "paint",
  vaso: "tumbler",
};

const SIZE_WORDS: Record<string, string> = {
  xxs: "XXS",
  xs: "XS",
  s: "S",
  m: "M",
  l: "L",
  xl: "XL",
  xxl: "XXL",
  xxxl: "3XL",
  "2xl": "XXL",
  "3xl": "3XL",
  "4xl": "4XL",
  "5xl": "5XL",
  small: "S",
  medium: "M",
  med: "M",
  large: "L",
  "extra large": "XL",
  "x-large": "XL",
  "xtra large": "XL",
  "extra small": "XS",
  "x large": "XL",
  chica: "S",
  chico: "S",
  pequena: "S",
  mediana: "M",
  mediano: "M",
  grande: "L",
  "extra grande": "XL",
};

const SIZE_AFTER_WORD =
  /\b(?:(?:size|sz|talla|tamano)\s*:?\s*(xxs|xs|xxxl|xxl|xl|[2-5]xl|extra large|x-large|x large|extra small|small|medium|large|s|m|l|\d{1,2}(?:\.5)?)|in (?:an? )?(xxs|xs|xxxl|xxl|xl|[2-5]xl|extra large|x-large|small|medium|large))\b/;
const SIZE_ALONE =
  /\b(xxs|xs|xxxl|xxl|xl|[2-5]xl|extra large|x-large|xtra large|extra small|small|medium|large|chica|chico|pequena|mediana|mediano|extra grande)\b/;
const SIZE_LETTER_CAPITAL = /(?:^|[\s(,/])(S|M|L)(?=$|[\s),./!?])/;

const QUANTITY_BEFORE = new RegExp(
  `\\b(\\d{1,3}|${NUMBER_WORD_PATTERN}|a couple(?: of)?|an?)\\s+(?:[a-z-]+\\s+){0,3}?(${
    Object.keys(PRODUCTS).join("|")
  })(?:e?s)?\\b`,
);
const QUANTITY_MARKED =
  /\b(?:x\s?(\d{1,3})|(\d{1,3})\s?x|qty:?\s*(\d{1,3})|cantidad:?\s*(\d{1,3}))\b/;

/**
 * The parts of a shop order the contact wrote: product, size, colour and quantity ("2 black
 * hoodies size L", "quiero una sudadera negra talla M"), or null when fewer than two parts are
 * there (a lone "black" is not an order). Matching runs on the normalized text; capital S, M and
 * L alone count as sizes only in the original text (a lower-case "m" is "I'm").
 */
export function extractOrder(normalized: string, original: string): OrderEntity | null {
  const colourWord = normalized.match(new RegExp(`\\b(${Object.keys(COLOURS).join("|")})\\b`));
  const colour = colourWord ? COLOURS[colourWord[1]!]! : null;

  const productWord = normalized.match(
    new RegExp(`\\b(${Object.keys(PRODUCTS).join("|")})(?:e?s)?\\b`),
  );
  const product = productWord ? PRODUCTS[productWord[1]!]! : null;

  const sized = SIZE_AFTER_WORD.exec(normalized) ?? SIZE_ALONE.exec(normalized);
  const sizeWord = sized?.slice(1).find(Boolean);
  let size = sizeWord ? SIZE_WORDS[sizeWord] ?? sizeWord.toUpperCase() : null;
  if (!size) {
    const letter = SIZE_LETTER_CAPITAL.exec(original);
    if (letter) size = letter[1]!;
  }
  // "grande" is also "big" and "large" a word for a big order: only beside a product or colour
  if (size && !product && !colour) size = null;

  let quantity: number | null = null;
  const marked = QUANTITY_MARKED.exec(normalized);
  if (marked) quantity = Number(marked.slice(1).find(Boolean));
  else {
    const before = QUANTITY_BEFORE.exec(normalized);
    if (before) {
      const word = before[1]!;
      quantity = word.startsWith("a couple") ? 2 : parseCount(word);
    }
  }
  if (quantity !== null && (!Number.isInteger(quantity) || quantity < 1 || quantity > 1000)) {
    quantity = null;
  }

  const parts = [product, size, colour, quantity].filter((part) => part !== null).length;
  if (parts < 2 || (!product && quantity !== null && !size && !colour)) return null;
  return { product, size, colour, quantity };
}

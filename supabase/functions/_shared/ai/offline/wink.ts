import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/**
 * wink-nlp with its English web model (shipped inside the npm package, no download). Built on
 * first use: loading the model costs a few hundred milliseconds, which only an analysis should
 * pay, never a function that merely imports this module.
 */
export function wink(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

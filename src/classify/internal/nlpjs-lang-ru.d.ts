// @nlpjs/lang-ru ships no type declarations; only its Snowball stemmer is used.
declare module "@nlpjs/lang-ru" {
  export class StemmerRu {
    stemWord(word: string): string;
  }
}

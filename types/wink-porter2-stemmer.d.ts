/** Porter2 (Snowball English) stemmer from winkjs; the package ships no types. */
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export = stem;
}

declare module 'nspell' {
  interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
    add(word: string): NSpell;
    /** Stems of the dictionary (internal, stable since nspell 2). */
    data: Record<string, unknown>;
  }
  function nspell(aff: Buffer | string, dic?: Buffer | string): NSpell;
  export default nspell;
}

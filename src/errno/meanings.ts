// The English meanings are texts: the error class shows them only once a module that reads the
// texts (lookupErrno, guidance, the CLI) has registered them, so the core stays small.
let englishMeanings: (() => Record<number, string>) | undefined

export function registerEnglishMeanings(table: () => Record<number, string>): void {
  englishMeanings = table
}

export function englishMeaning(errno: number): string | undefined {
  return englishMeanings ? englishMeanings()[errno] : undefined
}

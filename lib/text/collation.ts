/**
 * Sorting code names as a researcher expects: case-insensitive, numbers in numeric order
 * ("Code 2" before "Code 10"), in the project's language (Intl.Collator: German ä with a,
 * Chinese by pinyin or by stroke count).
 */

/** The languages offered in the project settings ('' = each reader's browser language). */
export const PROJECT_LANGUAGES: ReadonlyArray<{ tag: string; label: string }> = [
  { tag: '', label: 'Browser language of each member' },
  { tag: 'en', label: 'English' },
  { tag: 'de', label: 'German' },
  { tag: 'fr', label: 'French' },
  { tag: 'es', label: 'Spanish' },
  { tag: 'pt', label: 'Portuguese' },
  { tag: 'it', label: 'Italian' },
  { tag: 'nl', label: 'Dutch' },
  { tag: 'sv', label: 'Swedish' },
  { tag: 'pl', label: 'Polish' },
  { tag: 'tr', label: 'Turkish' },
  { tag: 'ru', label: 'Russian' },
  { tag: 'ar', label: 'Arabic' },
  { tag: 'zh', label: 'Chinese (by pinyin)' },
  { tag: 'zh-u-co-stroke', label: 'Chinese (by stroke count)' },
  { tag: 'ja', label: 'Japanese' },
  { tag: 'ko', label: 'Korean' },
];

export function isProjectLanguage(tag: string): boolean {
  return PROJECT_LANGUAGES.some((l) => l.tag === tag);
}

/** A comparer of names for `language` ('' or unknown: the runtime's default locale). */
export function nameCollator(language: string): Intl.Collator {
  return new Intl.Collator(language && isProjectLanguage(language) ? language : undefined, { sensitivity: 'base', numeric: true });
}

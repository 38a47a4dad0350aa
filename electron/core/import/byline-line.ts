// "By Jane Doe" on the line under a headline, as plain-text and Markdown articles name their
// author. Only a line that is nothing but a name counts: "By the time we arrived" is a sentence.
/** "By", in the languages whose articles write it before the name. */
const BY_WORD = /^(?:by|par|von|por|di|door|av|af|przez|از|بقلم|מאת)\s*:?\s+/iu;
/** Short words that may stand in a name in lower case ("Ruth Okoro and Sam Lee", "Ana de Souza"). */
const NAME_PARTICLES = new Set(['and', '&', 'und', 'et', 'y', 'e', 'en', 'og', 'och', 'i', 'de', 'del', 'der', 'den', 'da', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'bin', 'al', 'el', 'ibn', 'ter', 'zu']);
const MAX_NAME_LENGTH = 80;
const MAX_NAME_WORDS = 10;

/** The name a byline line gives, or null when the line is not a byline. */
export function bylineFromLine(line: string): string | null {
  let text = line.replace(/\s+/gu, ' ').trim();
  const emphasized = /^(\*\*?|__?)(.+)\1$/u.exec(text);
  if (emphasized?.[2] !== undefined) text = emphasized[2].trim();
  const by = BY_WORD.exec(text);
  if (by === null) return null;
  const name = text.slice(by[0].length).trim();
  const words = name.split(' ');
  if (name === '' || name.length > MAX_NAME_LENGTH || words.length > MAX_NAME_WORDS) return null;
  // A name starts with a capital (or a letter of a script without case) and has no lower-case
  // words but its particles; it does not end like a sentence, unless with an initial ("Jr.").
  if (!/^[\p{Lu}\p{Lt}\p{Lo}]/u.test(name)) return null;
  if (words.some((word) => /^\p{Ll}/u.test(word) && !NAME_PARTICLES.has(word))) return null;
  if (/[!?;:]$/u.test(name) || (/\.$/u.test(name) && !/(?:^|\s)(?:\p{Lu}\p{Ll}?|Jr|Sr)\.$/u.test(name))) return null;
  return name;
}

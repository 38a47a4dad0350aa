// An export file's text as a sequence of pieces, one per article (plus the file's head and
// tail), so a library-wide export is written to disk a piece at a time and never held whole:
// holding a 100 MB string, and the intermediate strings that build it, cost more in garbage
// collection than formatting the highlights did. Each piece says how many articles are written
// once it is, which is what the export's progress counts.

export interface Piece {
  text: string;
  /** Articles of the export finished once this piece is written. */
  articles: number;
}

export type Pieces = Iterable<Piece>;

/** The whole text, for the callers that need it as one string (a preview, standard output, a merge). */
export function joinPieces(pieces: Pieces): string {
  let text = '';
  for (const piece of pieces) text += piece.text;
  return text;
}

/** The first `count` lines of the text, building no more of it than they need. */
export function firstLines(pieces: Pieces, count: number): string {
  let text = '';
  let lines = 0;
  for (const piece of pieces) {
    text += piece.text;
    for (let at = piece.text.indexOf('\n'); at !== -1 && lines < count; at = piece.text.indexOf('\n', at + 1)) lines++;
    if (lines >= count) break;
  }
  return text.split('\n').slice(0, count).join('\n');
}

// An export file's text, written part by part into a sink rather than built as strings: a
// library-wide export is 50 to 100 MB, and both holding it whole and joining its parts into
// strings (which V8 must then flatten to encode) cost more than formatting the highlights. The
// file writer's sink encodes each part straight into a reused buffer (durable-stream.ts); the
// in-memory sink below collects the parts for callers that want one string.
//
// A format is a generator over a sink: it writes each article's text and then yields how many
// articles are done, which is where the writer may flush to disk and report progress.

export interface TextSink {
  write(text: string): void;
}

export type ExportText = (sink: TextSink) => Iterable<number>;

/** The whole text, for the callers that need it as one string (standard output, a merge, tests). */
export function textOf(render: ExportText): string {
  const parts: string[] = [];
  const sink = { write: (text: string) => void parts.push(text) };
  const articles = render(sink)[Symbol.iterator]();
  while (articles.next().done !== true) continue;
  return parts.join('');
}

/** The first `count` lines of the text, rendering no more articles than they need. */
export function firstLines(render: ExportText, count: number): string {
  const parts: string[] = [];
  let lines = 0;
  const sink = {
    write: (text: string) => {
      parts.push(text);
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
    },
  };
  const articles = render(sink)[Symbol.iterator]();
  while (lines < count && articles.next().done !== true) continue;
  return parts.join('').split('\n').slice(0, count).join('\n');
}

/** A text already whole, counted as `articles` articles done once written. */
export const wholeText = (text: string, articles = 1): ExportText =>
  function* whole(sink) {
    sink.write(text);
    yield articles;
  };

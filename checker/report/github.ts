/** GitHub Actions workflow commands: `::error` annotations on the variant's source file. */

/** One `::error` line. */
export function githubError(message: string, options: { file?: string | null; title?: string }): string {
  const props = [options.file ? `file=${prop(options.file)}` : null, options.title ? `title=${prop(options.title)}` : null].filter(Boolean);
  return `::error${props.length ? " " + props.join(",") : ""}::${data(message)}`;
}

// Escaping as GitHub's toolkit does (@actions/core's command.ts).
function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function prop(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

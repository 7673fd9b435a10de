export type SaveOutcome = { kind: 'saved'; path: string } | { kind: 'downloaded' } | { kind: 'cancelled' };

/**
 * Saves generated text as a file: through the desktop app's own "Save as…" when the preload
 * offers it (main writes the file; the renderer never touches the disk), otherwise as a browser
 * download (an object URL on a[download]: no server route, and downloads are not fetches, so
 * the CSP has nothing to say).
 */
export async function saveTextFile(filename: string, content: string, type: string): Promise<SaveOutcome> {
  const bridge = window.followthrough;
  if (bridge?.saveFile) {
    const result = await bridge.saveFile(filename, content);
    return result.saved ? { kind: 'saved', path: result.path ?? filename } : { kind: 'cancelled' };
  }
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only has to outlive the click.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { kind: 'downloaded' };
}

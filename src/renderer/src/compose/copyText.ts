/**
 * Puts text on the clipboard: through main in the desktop app (Electron's clipboard works
 * without the page's focus or a permission), else the browser's Clipboard API.
 */
export async function copyText(text: string): Promise<void> {
  const bridge = window.followthrough;
  if (bridge?.copyText) {
    await bridge.copyText(text);
    return;
  }
  if (!navigator.clipboard)
    throw new Error('This browser gives the page no clipboard; select the text and copy it.');
  await navigator.clipboard.writeText(text);
}

/**
 * "/" may be pressed on any screen: if the contact search is on screen focus it now, otherwise
 * remember the request so the contacts screen focuses it as soon as it mounts.
 */
let pending = false;

export const SEARCH_INPUT_ID = 'contact-search';

export function requestSearchFocus(): boolean {
  const input = document.getElementById(SEARCH_INPUT_ID);
  if (input) {
    input.focus();
    (input as HTMLInputElement).select();
    return true;
  }
  pending = true;
  return false;
}

export function takePendingSearchFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}
